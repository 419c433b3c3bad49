using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

/// <summary>Where a group's screening setup comes from: its own, its type's, or the built-in one.</summary>
public enum ScreeningSource
{
    Group,
    Type,
    BuiltIn,
}

/// <summary>A group's screening setup in force, with the templates it sends.</summary>
public sealed record ScreeningInForce(ScreeningSetup Setup, ScreeningSource Source, Guid? InviteTemplateId, Guid? DeclinedTemplateId);

/// <summary>Reads and writes screening settings rows; the setup in force for many groups is read with two queries.</summary>
internal static class ScreeningSetups
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<ScreeningQuestion> ReadQuestions(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ScreeningQuestion>>(json, Json) ?? [];

    public static string WriteQuestions(IReadOnlyList<ScreeningQuestion> questions) => JsonSerializer.Serialize(questions, Json);

    public static IReadOnlyList<string?> ReadAnswers(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string?>>(json, Json) ?? [];

    public static ScreeningSetup Of(ScreeningSettings row) => new(ReadQuestions(row.Questions), row.DeadlineHours,
        row.TaskKind is { } kind ? new ScreeningTask(kind, row.TaskTarget, row.TaskStayDays) : null);

    /// <param name="groups">Each group's id, type and language.</param>
    public static async Task<Dictionary<Guid, ScreeningInForce>> ForGroupsAsync(
        QunyunDb db, IReadOnlyCollection<(Guid Id, GroupType Type, string Language)> groups, CancellationToken cancellationToken)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var own = await db.ScreeningSettings.AsNoTracking().Where(s => s.GroupId != null && ids.Contains(s.GroupId.Value)).ToDictionaryAsync(s => s.GroupId!.Value, cancellationToken);
        var byType = await db.ScreeningSettings.AsNoTracking().Where(s => s.GroupType != null).ToDictionaryAsync(s => s.GroupType!.Value, cancellationToken);
        return groups.ToDictionary(g => g.Id, g =>
            own.TryGetValue(g.Id, out var row) ? InForce(row, ScreeningSource.Group)
            : byType.TryGetValue(g.Type, out var typeRow) ? InForce(typeRow, ScreeningSource.Type)
            : new ScreeningInForce(ScreeningSetup.Default(g.Language), ScreeningSource.BuiltIn, null, null));
    }

    private static ScreeningInForce InForce(ScreeningSettings row, ScreeningSource source) =>
        new(Of(row), source, row.InviteTemplateId, row.DeclinedTemplateId);
}
