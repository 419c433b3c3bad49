using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Pipeline;

namespace Qunyun.Features.Events;

/// <summary>
/// Writes what the engine decided for a batch, set-based: multi-row inserts for new rows, additive upserts
/// (<c>ON CONFLICT … DO UPDATE SET x = x + excluded.x</c>) for the daily rollups, and <c>UPDATE … FROM (VALUES …)</c>
/// for changed rows and the events' resolved member and group. No change tracking; runs in the batch's transaction.
/// </summary>
internal static class EffectsWriter
{
    private const string Timestamp = "timestamp with time zone";

    public static async Task WriteAsync(QunyunDb db, PipelineEffects effects, CancellationToken cancellationToken)
    {
        var ws = db.WorkspaceId;
        await new MultiRowCommand(db,
            "INSERT INTO \"Groups\" (\"Id\", \"WorkspaceId\", \"ChannelId\", \"ExternalId\", \"Name\", \"Type\", \"Status\", \"Capacity\", \"MemberCount\", \"SearchText\", \"CreatedAt\") VALUES",
            "", 11).ExecuteAsync(effects.NewGroups, g =>
                [g.Id, ws, g.ChannelId, g.ExternalId, g.Name, g.Type.ToString(), nameof(GroupStatus.Active), g.Capacity, 0, g.SearchText, g.CreatedAt], cancellationToken);
        await new MultiRowCommand(db,
            "INSERT INTO \"Members\" (\"Id\", \"WorkspaceId\", \"DisplayName\", \"SearchText\", \"CreatedAt\", \"LastActiveAt\", \"ActivityScore\", \"ActivityScoreAt\") VALUES",
            "", 8, null, null, null, null, null, Timestamp, null, Timestamp).ExecuteAsync(effects.NewMembers, m =>
                [m.Id, ws, m.DisplayName, m.SearchText, m.CreatedAt, m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt], cancellationToken);
        await new MultiRowCommand(db,
            "INSERT INTO \"MemberIdentities\" (\"Id\", \"WorkspaceId\", \"MemberId\", \"ChannelId\", \"ExternalUserId\", \"DisplayName\", \"CreatedAt\") VALUES",
            "", 7).ExecuteAsync(effects.NewIdentities, i =>
                [i.Id, ws, i.Member.Id, i.ChannelId, i.ExternalUserId, i.DisplayName, i.CreatedAt], cancellationToken);
        await new MultiRowCommand(db,
            "INSERT INTO \"Memberships\" (\"Id\", \"WorkspaceId\", \"MemberId\", \"GroupId\", \"Role\", \"JoinedAt\", \"LeftAt\") VALUES",
            "", 7, null, null, null, null, null, null, Timestamp).ExecuteAsync(effects.NewMemberships, m =>
                [m.Id, ws, m.MemberId, m.GroupId, nameof(MembershipRole.Member), m.JoinedAt, m.LeftAt], cancellationToken);

        await UpdateAsync(db, "Members", "\"LastActiveAt\" = v.column2, \"ActivityScore\" = v.column3, \"ActivityScoreAt\" = v.column4", "\"Id\"", 4, [],
            effects.ActiveMembers, m => [m.Id, m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt], cancellationToken);
        await UpdateAsync(db, "Members", "\"DisplayName\" = v.column2, \"SearchText\" = v.column3", "\"Id\"", 3, [],
            effects.RenamedMembers, m => [m.Id, m.DisplayName, m.SearchText], cancellationToken);
        await UpdateAsync(db, "MemberIdentities", "\"DisplayName\" = v.column2", "\"Id\"", 2, [],
            effects.RenamedIdentities, i => [i.Id, i.DisplayName], cancellationToken);
        await UpdateAsync(db, "Memberships", "\"JoinedAt\" = v.column2, \"LeftAt\" = v.column3", "\"Id\"", 3, [null, null, Timestamp],
            effects.MovedMemberships, m => [m.Id, m.JoinedAt, m.LeftAt], cancellationToken);

        await new MultiRowCommand(db,
            "INSERT INTO \"MemberDays\" (\"WorkspaceId\", \"MemberId\", \"GroupId\", \"Day\", \"Messages\", \"Reactions\", \"Interactions\") VALUES",
            """
            ON CONFLICT ("MemberId", "GroupId", "Day") DO UPDATE SET "Messages" = "MemberDays"."Messages" + excluded."Messages",
                "Reactions" = "MemberDays"."Reactions" + excluded."Reactions", "Interactions" = "MemberDays"."Interactions" + excluded."Interactions"
            """, 7).ExecuteAsync(effects.MemberDays.ToList(), d =>
                [ws, d.Key.MemberId, d.Key.GroupId, d.Key.Day, d.Value.Messages, d.Value.Reactions, d.Value.Interactions], cancellationToken);
        await new MultiRowCommand(db,
            "INSERT INTO \"GroupDays\" (\"WorkspaceId\", \"GroupId\", \"Day\", \"Messages\", \"Reactions\", \"Joins\", \"Leaves\", \"ActiveMembers\") VALUES",
            """
            ON CONFLICT ("GroupId", "Day") DO UPDATE SET "Messages" = "GroupDays"."Messages" + excluded."Messages",
                "Reactions" = "GroupDays"."Reactions" + excluded."Reactions", "Joins" = "GroupDays"."Joins" + excluded."Joins",
                "Leaves" = "GroupDays"."Leaves" + excluded."Leaves", "ActiveMembers" = "GroupDays"."ActiveMembers" + excluded."ActiveMembers"
            """, 8).ExecuteAsync(effects.GroupDays.ToList(), d =>
                [ws, d.Key.GroupId, d.Key.Day, d.Value.Messages, d.Value.Reactions, d.Value.Joins, d.Value.Leaves, d.Value.ActiveMembers], cancellationToken);
    }

    /// <summary>Events stored before they were processed (the pending path) get their resolved member and group.</summary>
    public static Task WriteResolvedAsync(QunyunDb db, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
        UpdateAsync(db, "Events", "\"MemberId\" = v.column2, \"GroupId\" = v.column3", "\"Id\"", 3, [null, null, "uuid"],
            events, e => [e.Row.Id, e.Row.MemberId, e.Row.GroupId], cancellationToken);

    /// <summary><c>UPDATE t SET … FROM (VALUES (key, …), …) AS v WHERE t.key = v.column1</c>: the same text on both engines.</summary>
    private static Task<int> UpdateAsync<T>(QunyunDb db, string table, string set, string key, int columns, string?[] pgTypes,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken) =>
        new MultiRowCommand(db, $"UPDATE \"{table}\" SET {set} FROM (VALUES", $") AS v WHERE \"{table}\".{key} = v.column1", columns, pgTypes)
            .ExecuteAsync(rows, values, cancellationToken);
}
