namespace Qunyun.Engine.Groups;

/// <summary>What one group changed of its type's policy; a null field inherits. Only this is stored.</summary>
public sealed record GroupSettingsOverrides
{
    public static GroupSettingsOverrides None { get; } = new();

    public GroupVoice? Voice { get; init; }
    public ModerationLevel? Moderation { get; init; }
    public bool? Welcome { get; init; }
    public bool? RuleReminders { get; init; }
    public bool? Digest { get; init; }
    public int? PlannedPostsPerWeek { get; init; }
    public bool? IdleChat { get; init; }
    public int? IdleChatMessages { get; init; }
    public int? IdleChatMinutes { get; init; }
    public IReadOnlyList<string>? IdleChatKeywords { get; init; }
    public Screening.EntryMode? Entry { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => this == None;
}

/// <summary>How overrides are stored: a small JSON object with only the fields set (null when there are none).</summary>
public static class GroupSettingsJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // stored, never put in a page: keep 咖啡 readable
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string? Write(GroupSettingsOverrides overrides) =>
        overrides.IsEmpty ? null : System.Text.Json.JsonSerializer.Serialize(overrides, Options);

    public static GroupSettingsOverrides Read(string? json) =>
        string.IsNullOrEmpty(json) ? GroupSettingsOverrides.None : System.Text.Json.JsonSerializer.Deserialize<GroupSettingsOverrides>(json, Options) ?? GroupSettingsOverrides.None;
}
