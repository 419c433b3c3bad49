namespace Qunyun.Engine.Referrals;

public enum ReferralCommand
{
    /// <summary>「我的海报」: the member's poster, or their personal link.</summary>
    Poster,

    /// <summary>「我的助力」: valid, pending, revoked helpers and the next tier.</summary>
    Progress,
}

/// <summary>The words members type; a message is a command only when it is the word itself (a leading slash aside).</summary>
public static class ReferralCommands
{
    private static readonly Dictionary<string, ReferralCommand> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["我的海报"] = ReferralCommand.Poster,
        ["海报"] = ReferralCommand.Poster,
        ["my poster"] = ReferralCommand.Poster,
        ["poster"] = ReferralCommand.Poster,
        ["myposter"] = ReferralCommand.Poster,
        ["我的助力"] = ReferralCommand.Progress,
        ["助力"] = ReferralCommand.Progress,
        ["my invites"] = ReferralCommand.Progress,
        ["invites"] = ReferralCommand.Progress,
        ["myinvites"] = ReferralCommand.Progress,
    };

    public static ReferralCommand? Match(string? text)
    {
        if (text is null || text.Length > 24)
        {
            return null;
        }

        var word = text.Trim().TrimStart('/', '!', '！').Trim();
        var at = word.IndexOf('@', StringComparison.Ordinal);
        word = at > 0 ? word[..at] : word; // "/poster@qunyun_bot"
        return Words.TryGetValue(word, out var command) ? command : null;
    }
}
