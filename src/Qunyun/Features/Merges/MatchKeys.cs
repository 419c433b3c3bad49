using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Merging;
using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>Keeps <see cref="MemberMatchKey"/> rows in step with members' verified values.</summary>
public static class MatchKeys
{
    private const int RebuildPage = 1000;

    public static async Task<MergeSettings> SettingsAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.MergeSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? MergeSettings.Off;

    /// <summary>The member's verified values in their normal forms, by key; keys without a usable value are left out.</summary>
    public static Dictionary<string, string> ValuesOf(Member member, IEnumerable<MemberAttribute> attributes, MergeSettings settings)
    {
        var values = new Dictionary<string, string>();
        foreach (var key in settings.VerifiedKeys)
        {
            var value = key switch
            {
                MergeSettings.EmailKey => MatchValues.Email(member.Email),
                MergeSettings.PhoneKey => MatchValues.Phone(member.Phone, settings.PhoneRegion),
                _ => MatchValues.Attribute(attributes.FirstOrDefault(a => a.Key == key)?.Value),
            };
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>Reads the members' current values, rewrites their key rows, and returns the values by member.</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, string>>> SyncAsync(
        QunyunDb db, IReadOnlyCollection<Guid> memberIds, MergeSettings settings, CancellationToken cancellationToken)
    {
        var values = await ReadAsync(db, memberIds, settings, cancellationToken);
        await db.MemberMatchKeys.Where(k => memberIds.Contains(k.MemberId)).ExecuteDeleteAsync(cancellationToken);
        var rows = values.SelectMany(m => m.Value.Select(v => new MemberMatchKey { MemberId = m.Key, Key = v.Key, Value = v.Value })).ToList();
        db.MemberMatchKeys.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);

        // Written set-wise next time: a tracked copy would clash with the rows the next sync adds.
        rows.ForEach(row => db.Entry(row).State = EntityState.Detached);
        return values;
    }

    /// <summary>The members' current verified values (members not found are left out).</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, string>>> ReadAsync(
        QunyunDb db, IReadOnlyCollection<Guid> memberIds, MergeSettings settings, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToListAsync(cancellationToken);
        var keys = settings.VerifiedKeys;
        var attributes = (await db.MemberAttributes.AsNoTracking().Where(a => memberIds.Contains(a.MemberId) && keys.Contains(a.Key))
            .ToListAsync(cancellationToken)).ToLookup(a => a.MemberId);
        return members.ToDictionary(m => m.Id, m => ValuesOf(m, attributes[m.Id], settings));
    }

    /// <summary>Recomputes every member's keys after the settings changed; returns how many members have at least one.</summary>
    public static async Task<int> RebuildAsync(QunyunDb db, MergeSettings settings, CancellationToken cancellationToken)
    {
        await db.MemberMatchKeys.ExecuteDeleteAsync(cancellationToken);
        var withKeys = 0;
        var all = await db.Members.AsNoTracking().Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var ids in all.Chunk(RebuildPage))
        {
            var values = await ReadAsync(db, ids, settings, cancellationToken);
            db.MemberMatchKeys.AddRange(values.SelectMany(m => m.Value.Select(v => new MemberMatchKey { MemberId = m.Key, Key = v.Key, Value = v.Value })));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            withKeys += values.Count(v => v.Value.Count > 0);
        }

        return withKeys;
    }
}
