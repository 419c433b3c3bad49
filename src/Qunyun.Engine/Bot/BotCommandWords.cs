namespace Qunyun.Engine.Bot;

public enum BotCommand
{
    CheckIn,
    Rules,
    Help,
    MyPoints,
}

/// <summary>
/// The words members type to talk to the bot (签到 / checkin…). A message is a command only when it is the word
/// itself (case and surrounding spaces or a leading slash aside), so chatter that merely mentions 签到 is left alone.
/// </summary>
public sealed class BotCommandWords
{
    public const string DefaultCheckIn = "签到,checkin";
    public const string DefaultRules = "群规,rules";
    public const string DefaultHelp = "帮助,help";
    public const string DefaultMyPoints = "我的积分,积分,points,mypoints";

    private readonly Dictionary<string, BotCommand> _words = new(StringComparer.OrdinalIgnoreCase);
    private int _longest;

    public BotCommandWords(string? checkIn, string? rules, string? help, string? myPoints = null)
    {
        Add(checkIn ?? DefaultCheckIn, BotCommand.CheckIn);
        Add(rules ?? DefaultRules, BotCommand.Rules);
        Add(help ?? DefaultHelp, BotCommand.Help);
        Add(myPoints ?? DefaultMyPoints, BotCommand.MyPoints);
    }

    public IReadOnlyCollection<string> Words => _words.Keys;

    public BotCommand? Match(string? text)
    {
        var word = text.AsSpan().Trim().TrimStart("/!！").Trim();
        // Most messages are chatter far longer than any command word: no need to look them up.
        return word.Length > 0 && word.Length <= _longest && _words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var command)
            ? command
            : null;
    }

    private void Add(string words, BotCommand command)
    {
        foreach (var word in words.Split([',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _words.TryAdd(word, command);
            _longest = Math.Max(_longest, word.Length);
        }
    }
}
