using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;
using Qunyun.Components.Shared;
using Qunyun.Engine.Groups;
using Qunyun.Localization;

namespace Qunyun.Features.Groups.TypePolicy.Pages;

/// <summary>A policy setting in the console's words ("3 a week", "strict: acts on lower counts"), never a raw value.</summary>
public static class GroupPolicyWords
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Of(IStringLocalizer<Strings> l, string field, object value) => value switch
    {
        GroupVoice voice => l[$"BotVoice.{voice}"],
        ModerationLevel level => l[$"GroupPolicy.Moderation.{level}"],
        Engine.Screening.EntryMode entry => l[$"Screening.Mode.{entry}"],
        bool on => on ? l["GroupPolicy.On"] : l["GroupPolicy.Off"],
        int number => $"{number} {Unit(l, field)}".Trim(),
        IReadOnlyList<string> words => words.Count == 0 ? l["GroupPolicy.NoKeywords"] : string.Join("、", words),
        _ => value.ToString() ?? "",
    };

    public static string Unit(IStringLocalizer<Strings> l, string field) => l[$"GroupPolicy.Unit.{field}"] is { ResourceNotFound: false } unit ? unit : "";

    public static (int Min, int Max) Range(string field) => field switch
    {
        GroupSettingsFields.Capacity => (SaveGroupPolicy.MinCapacity, SaveGroupPolicy.MaxCapacity),
        "plannedPostsPerWeek" => (0, 50),
        "idleChatMessages" => (4, 200),
        "idleChatMinutes" => (1, 240),
        _ => (0, int.MaxValue),
    };

    /// <summary>Topic words as typed: separated by commas, 、, spaces or new lines.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split([',', '，', '、', ' ', '\n', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static bool Same(object a, object b) =>
        a is IReadOnlyList<string> x && b is IReadOnlyList<string> y ? x.SequenceEqual(y) : Equals(a, b);

    /// <summary>The idle-chat guard in one sentence: when it speaks up, or that it is off.</summary>
    /// <summary>The guard in one sentence; the topic words are the operator's own, quoted as data.</summary>
    public static List<WordPiece> IdleChat(IStringLocalizer<Strings> l, GroupPolicyResponse policy)
    {
        var value = policy.Fields.ToDictionary(f => f.Field, f => f.Value);
        if (value["idleChat"] is not true)
        {
            return [l["GroupPolicy.IdleOff"].Value];
        }

        var words = (IReadOnlyList<string>)value["idleChatKeywords"];
        var topic = words.Count == 0 ? new WordPiece("") : WordPiece.Quoted(string.Format(l["GroupPolicy.IdleTopic"], string.Join("、", words)));
        return WordPieces.Format(l["GroupPolicy.IdleOn"], $"{value["idleChatMessages"]}", $"{value["idleChatMinutes"]}", topic);
    }
}
