using System.Text.Json;

namespace Qunyun.Engine.Groups;

/// <summary>
/// The fields of a group's policy by their API names: what each is in the effective settings, whether the group
/// overrides it, and how an override is read from JSON (refused with a reason) or cleared. Capacity lives on the
/// group row and is handled by its owner.
/// </summary>
public static class GroupSettingsFields
{
    public const string Capacity = "capacity";

    public sealed record Field(
        string Name,
        Func<GroupSettings, object> Value,
        Func<GroupSettingsOverrides, bool> IsSet,
        Func<GroupSettingsOverrides, JsonElement, (GroupSettingsOverrides? Changed, string? Error)> Set,
        Func<GroupSettingsOverrides, GroupSettingsOverrides> Clear);

    public static IReadOnlyList<Field> All { get; } =
    [
        new("voice", s => s.Voice, o => o.Voice is not null, (o, v) => Choice<GroupVoice>(v) is { } e ? (o with { Voice = e }, null) : (null, Choices<GroupVoice>()),
            o => o with { Voice = null }),
        new("moderation", s => s.Moderation, o => o.Moderation is not null,
            (o, v) => Choice<ModerationLevel>(v) is { } e ? (o with { Moderation = e }, null) : (null, Choices<ModerationLevel>()), o => o with { Moderation = null }),
        new("welcome", s => s.Welcome, o => o.Welcome is not null, (o, v) => Bool(v) is { } b ? (o with { Welcome = b }, null) : (null, TrueOrFalse),
            o => o with { Welcome = null }),
        new("ruleReminders", s => s.RuleReminders, o => o.RuleReminders is not null,
            (o, v) => Bool(v) is { } b ? (o with { RuleReminders = b }, null) : (null, TrueOrFalse), o => o with { RuleReminders = null }),
        new("digest", s => s.Digest, o => o.Digest is not null, (o, v) => Bool(v) is { } b ? (o with { Digest = b }, null) : (null, TrueOrFalse),
            o => o with { Digest = null }),
        new("plannedPostsPerWeek", s => s.PlannedPostsPerWeek, o => o.PlannedPostsPerWeek is not null,
            (o, v) => Int(v, 0, 50) is { } n ? (o with { PlannedPostsPerWeek = n }, null) : (null, Between(0, 50)), o => o with { PlannedPostsPerWeek = null }),
        new("idleChat", s => s.IdleChat.Enabled, o => o.IdleChat is not null, (o, v) => Bool(v) is { } b ? (o with { IdleChat = b }, null) : (null, TrueOrFalse),
            o => o with { IdleChat = null }),
        new("idleChatMessages", s => s.IdleChat.Messages, o => o.IdleChatMessages is not null,
            (o, v) => Int(v, 4, 200) is { } n ? (o with { IdleChatMessages = n }, null) : (null, Between(4, 200)), o => o with { IdleChatMessages = null }),
        new("idleChatMinutes", s => s.IdleChat.Minutes, o => o.IdleChatMinutes is not null,
            (o, v) => Int(v, 1, 240) is { } n ? (o with { IdleChatMinutes = n }, null) : (null, Between(1, 240)), o => o with { IdleChatMinutes = null }),
        new("idleChatKeywords", s => s.IdleChat.Keywords, o => o.IdleChatKeywords is not null,
            (o, v) => Keywords(v) is { } k ? (o with { IdleChatKeywords = k }, null) : (null, KeywordRule), o => o with { IdleChatKeywords = null }),
        new("entry", s => s.Entry, o => o.Entry is not null,
            (o, v) => Choice<Screening.EntryMode>(v) is { } e ? (o with { Entry = e }, null) : (null, Choices<Screening.EntryMode>()), o => o with { Entry = null }),
    ];

    public static Field? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static bool Known(string name) => Find(name) is not null || string.Equals(name, Capacity, StringComparison.OrdinalIgnoreCase);

    public const int MaxKeywords = 50;
    public const int MaxKeywordLength = 40;
    private const string TrueOrFalse = "Use true or false.";
    private static readonly string KeywordRule = $"A list of at most {MaxKeywords} words, each 1 to {MaxKeywordLength} characters.";

    private static string Between(int min, int max) => $"A whole number from {min} to {max}.";

    private static string Choices<T>() where T : struct, Enum => $"One of: {string.Join(", ", Enum.GetNames<T>())}.";

    private static T? Choice<T>(JsonElement value) where T : struct, Enum =>
        value.ValueKind == JsonValueKind.String && System.Enum.TryParse<T>(value.GetString(), ignoreCase: true, out var parsed)
            && System.Enum.IsDefined(parsed) && !int.TryParse(value.GetString(), out _)
            ? parsed
            : null;

    private static bool? Bool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static int? Int(JsonElement value, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max ? n : null;

    private static IReadOnlyList<string>? Keywords(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var words = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var word = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : "";
            if (word.Length is 0 or > MaxKeywordLength)
            {
                return null;
            }

            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word);
            }
        }

        return words.Count > MaxKeywords ? null : words;
    }
}
