using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Imports.Members;

public enum RowOutcome
{
    Created,
    Updated,
    Unchanged,
    Error,
}

/// <summary>
/// Matches and applies one batch of rows: loads, with a few set queries, every member a row of the batch could match
/// (by identity, e-mail or phone key) and the tags it names, then goes through the rows in file order. In a real run
/// the changes are tracked by <paramref name="db"/> for the caller to save; in a dry run they stay in memory.
/// </summary>
internal sealed class ImportBatch(QunyunDb db, ImportState state, MemberImportOptions options, bool write, DateTime now)
{
    public int TagsCreated { get; private set; }

    public async Task LoadAsync(IReadOnlyList<MemberRow> rows, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<Guid>();
        foreach (var channel in rows.SelectMany(r => r.Identities).GroupBy(i => i.ChannelId))
        {
            var ids = channel.Select(i => i.ExternalUserId).Where(id => state.OwnerOf(channel.Key, id) is null).Distinct().ToList();
            if (ids.Count > 0)
            {
                candidates.UnionWith(await db.MemberIdentities.Where(i => i.ChannelId == channel.Key && ids.Contains(i.ExternalUserId))
                    .Select(i => i.MemberId).ToListAsync(cancellationToken));
            }
        }

        var emails = rows.Where(r => r.Email is not null).Select(r => ImportState.EmailKey(r.Email!)).Distinct().ToList();
        if (emails.Count > 0)
        {
            candidates.UnionWith(await db.Members.Where(m => emails.Contains(m.EmailKey!)).Select(m => m.Id).ToListAsync(cancellationToken));
        }

        var phones = rows.Where(r => r.PhoneKey is not null).Select(r => r.PhoneKey!).Distinct().ToList();
        if (phones.Count > 0)
        {
            candidates.UnionWith(await db.Members.Where(m => phones.Contains(m.PhoneKey!)).Select(m => m.Id).ToListAsync(cancellationToken));
        }

        candidates.RemoveWhere(state.Knows);
        if (candidates.Count > 0)
        {
            await LoadMembersAsync(candidates.ToList(), cancellationToken);
        }

        var tagNames = rows.SelectMany(r => r.Tags).Select(t => t.Name).Where(n => !state.Tags.ContainsKey(n)).Distinct().ToList();
        if (tagNames.Count > 0)
        {
            foreach (var tag in await db.Tags.AsNoTracking().Where(t => tagNames.Contains(t.Name)).ToListAsync(cancellationToken))
            {
                state.Tags[tag.Name] = tag;
            }
        }
    }

    /// <summary>
    /// Members with their identities, attributes and tags, one query per table keyed by member id (EF's Include joins
    /// the child table's whole workspace to Members, which SQLite scans once per batch: seconds at 100k members), into
    /// the state.
    /// </summary>
    private async Task LoadMembersAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var members = await (write ? db.Members : db.Members.AsNoTracking()).Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        var identities = await (write ? db.MemberIdentities : db.MemberIdentities.AsNoTracking()).Where(i => ids.Contains(i.MemberId)).ToListAsync(cancellationToken);
        var attributes = await (write ? db.MemberAttributes : db.MemberAttributes.AsNoTracking()).Where(a => ids.Contains(a.MemberId)).ToListAsync(cancellationToken);
        var tags = (await db.MemberTags.Where(t => ids.Contains(t.MemberId)).Select(t => new { t.MemberId, t.TagId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.MemberId, t => t.TagId);
        if (!write)
        {
            // Tracked entities are joined up by EF; untracked ones by hand.
            var identitiesOf = identities.ToLookup(i => i.MemberId);
            var attributesOf = attributes.ToLookup(a => a.MemberId);
            foreach (var member in members)
            {
                member.Identities = [.. identitiesOf[member.Id]];
                member.Attributes = [.. attributesOf[member.Id]];
            }
        }

        foreach (var member in members)
        {
            state.Add(member);
            state.TagIdsOf(member.Id).UnionWith(tags[member.Id]);
        }
    }

    public RowOutcome Apply(MemberRow row)
    {
        NoteIdentities(row);
        if (row.Problems.Count > 0)
        {
            return RowOutcome.Error;
        }

        var member = Match(row);
        var missingTags = row.Tags.Where(t => !state.Tags.ContainsKey(t.Name)).ToList();
        if (!options.CreateMissingTags)
        {
            row.Problems.AddRange(missingTags.Select(t => new ImportProblem(t.Column, "UnknownTag", t.Name)));
        }

        row.Problems.AddRange(row.Tags.Where(t => state.Tags.GetValueOrDefault(t.Name) is { Kind: not TagKind.Manual })
            .Select(t => new ImportProblem(t.Column, "NotManualTag", t.Name)));
        if (member is null && row.Name is null && row.Problems.Count == 0)
        {
            row.Problems.Add(new ImportProblem(row.Columns.GetValueOrDefault(Engine.Imports.ImportField.Name, ""), "NameMissing"));
        }

        var keys = (member?.Attributes.Select(a => a.Key) ?? []).Union(row.Attributes.Keys).Count();
        if (keys > MemberAttributes.MaxPerMember)
        {
            row.Problems.Add(new ImportProblem(row.Columns[Engine.Imports.ImportField.Attribute],
                "TooManyAttributes", MemberAttributes.MaxPerMember.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (row.Problems.Count > 0)
        {
            return RowOutcome.Error;
        }

        foreach (var (name, _) in missingTags)
        {
            CreateTag(name);
        }

        if (member is null)
        {
            member = new Member { Id = Guid.CreateVersion7(now), DisplayName = row.Name!, CreatedAt = now };
            Change(member, row);
            state.Add(member);
            state.Changed(member.Id);
            if (write)
            {
                db.Members.Add(member);
            }

            return RowOutcome.Created;
        }

        state.Unindex(member);
        var changed = Change(member, row);
        state.Index(member);
        if (!changed)
        {
            return RowOutcome.Unchanged;
        }

        state.Changed(member.Id);
        return RowOutcome.Updated;
    }

    /// <summary>Identity first, then e-mail, then phone; a match that is not unique is the row's error, not a guess.</summary>
    private Member? Match(MemberRow row)
    {
        var owners = row.Identities.Select(i => state.OwnerOf(i.ChannelId, i.ExternalUserId)).OfType<Guid>().Distinct().ToList();
        if (owners.Count > 1)
        {
            row.Problems.Add(new ImportProblem(row.Identities[0].Column, "IdentityConflict"));
            return null;
        }

        if (owners.Count == 1)
        {
            return state.Members[owners[0]];
        }

        if (row.Email is not null && state.WithEmail(row.Email) is { Count: > 0 } byEmail)
        {
            return Single(byEmail, row, Engine.Imports.ImportField.Email, "AmbiguousEmail");
        }

        return row.PhoneKey is not null && state.WithPhone(row.PhoneKey) is { Count: > 0 } byPhone
            ? Single(byPhone, row, Engine.Imports.ImportField.Phone, "AmbiguousPhone")
            : null;
    }

    /// <summary>Every row's identities count, even a row with other errors: a file that names one person twice is wrong.</summary>
    private void NoteIdentities(MemberRow row)
    {
        foreach (var identity in row.Identities)
        {
            if (state.SeenIdentities.TryGetValue((identity.ChannelId, identity.ExternalUserId), out var first))
            {
                row.Problems.Add(new ImportProblem(identity.Column, "DuplicateIdentity", first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                state.SeenIdentities[(identity.ChannelId, identity.ExternalUserId)] = row.Number;
            }
        }
    }

    private Member? Single(IReadOnlyCollection<Guid> ids, MemberRow row, Engine.Imports.ImportField field, string code)
    {
        if (ids.Count == 1)
        {
            return state.Members[ids.First()];
        }

        row.Problems.Add(new ImportProblem(row.Columns[field], code, ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return null;
    }

    /// <summary>Sets what the row has (empty cells never clear a value); tags and identities are only ever added.</summary>
    private bool Change(Member member, MemberRow row)
    {
        var changed = false;
        if (row.Name is not null && member.DisplayName != row.Name)
        {
            (member.DisplayName, changed) = (row.Name, true);
        }

        if (row.Email is not null && member.EmailKey != ImportState.EmailKey(row.Email))
        {
            (member.Email, changed) = (row.Email, true);
            member.DeriveMatchKeys();
        }

        if (row.PhoneKey is not null && member.PhoneKey != row.PhoneKey)
        {
            (member.Phone, changed) = (row.Phone, true);
            member.DeriveMatchKeys();
        }

        if (row.Note is not null && member.Note != row.Note)
        {
            (member.Note, changed) = (row.Note, true);
        }

        var attributes = row.Attributes.Where(a => member.Attributes.FirstOrDefault(x => x.Key == a.Key)?.Value != a.Value).ToList();
        if (attributes.Count > 0)
        {
            MemberAttributes.Apply(member, attributes.ToDictionary(a => a.Key, a => (string?)a.Value), now);
            changed = true;
        }

        foreach (var identity in row.Identities.Where(i => !member.Identities.Any(x => x.ChannelId == i.ChannelId && x.ExternalUserId == i.ExternalUserId)))
        {
            member.Identities.Add(new MemberIdentity
            {
                Id = Guid.CreateVersion7(now),
                MemberId = member.Id,
                ChannelId = identity.ChannelId,
                ExternalUserId = identity.ExternalUserId,
                DisplayName = member.DisplayName,
                CreatedAt = now,
            });
            changed = true;
        }

        var carried = state.TagIdsOf(member.Id);
        foreach (var tag in row.Tags.Select(t => state.Tags[t.Name]).Where(t => !carried.Contains(t.Id)))
        {
            carried.Add(tag.Id);
            if (write)
            {
                db.MemberTags.Add(new MemberTag { MemberId = member.Id, TagId = tag.Id, AddedAt = now });
            }

            changed = true;
        }

        if (changed)
        {
            member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        }

        return changed;
    }

    private void CreateTag(string name)
    {
        var tag = new Tag { Id = Guid.CreateVersion7(now), Name = name, Kind = TagKind.Manual, CreatedAt = now };
        state.Tags[name] = tag;
        TagsCreated++;
        if (write)
        {
            db.Tags.Add(tag);
        }
    }
}
