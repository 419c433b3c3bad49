using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Imports.Members;

/// <summary>
/// The members an import has loaded or created and not yet written, indexed by what rows match on. In a real run it
/// holds one batch (the database knows the rest once the batch commits); in a dry run nothing is written, so it holds
/// every member the file touched — that is what makes a dry run's counts equal the real run's when a later row matches
/// a member an earlier row created or changed.
/// </summary>
internal sealed class ImportState
{
    private readonly Dictionary<(Guid, string), Guid> _identityOwners = [];
    private readonly Dictionary<string, HashSet<Guid>> _byEmail = [];
    private readonly Dictionary<string, HashSet<Guid>> _byPhone = [];
    private readonly HashSet<Guid> _changed = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _tagIds = [];

    public Dictionary<Guid, Member> Members { get; } = [];
    public Dictionary<string, Tag> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Every identity seen in the file and its row: a second row with it is an error, whatever the mode.</summary>
    public Dictionary<(Guid, string), int> SeenIdentities { get; } = [];

    public bool Knows(Guid memberId) => Members.ContainsKey(memberId);

    /// <summary>The tags a member of <see cref="Members"/> carries (Tags keeps them; the member row does not list them).</summary>
    public HashSet<Guid> TagIdsOf(Guid memberId) => _tagIds.TryGetValue(memberId, out var ids) ? ids : _tagIds[memberId] = [];

    public Guid? OwnerOf(Guid channelId, string externalUserId) =>
        _identityOwners.TryGetValue((channelId, externalUserId), out var owner) ? owner : null;

    public IReadOnlyCollection<Guid> WithEmail(string email) => _byEmail.TryGetValue(EmailKey(email), out var ids) ? ids : [];

    public IReadOnlyCollection<Guid> WithPhone(string phoneKey) => _byPhone.TryGetValue(phoneKey, out var ids) ? ids : [];

    public void Add(Member member)
    {
        Members[member.Id] = member;
        Index(member);
    }

    /// <summary>Call before changing a member's e-mail or phone, then <see cref="Index"/> after.</summary>
    public void Unindex(Member member)
    {
        if (member.EmailKey is not null)
        {
            _byEmail.GetValueOrDefault(member.EmailKey)?.Remove(member.Id);
        }

        if (member.PhoneKey is not null)
        {
            _byPhone.GetValueOrDefault(member.PhoneKey)?.Remove(member.Id);
        }
    }

    public void Index(Member member)
    {
        if (member.EmailKey is not null)
        {
            Set(_byEmail, member.EmailKey).Add(member.Id);
        }

        if (member.PhoneKey is not null)
        {
            Set(_byPhone, member.PhoneKey).Add(member.Id);
        }

        foreach (var identity in member.Identities)
        {
            _identityOwners[(identity.ChannelId, identity.ExternalUserId)] = member.Id;
        }
    }

    /// <summary>The member differs from the database now (created or changed by a row).</summary>
    public void Changed(Guid memberId) => _changed.Add(memberId);

    /// <summary>
    /// In a dry run, after a batch: members the file did not change are dropped (the database still says what they
    /// are, and a later batch loads them again), so memory grows only with what the file would create or change.
    /// </summary>
    public void ForgetUnchanged()
    {
        foreach (var member in Members.Values.Where(m => !_changed.Contains(m.Id)).ToList())
        {
            Unindex(member);
            foreach (var identity in member.Identities)
            {
                _identityOwners.Remove((identity.ChannelId, identity.ExternalUserId));
            }

            Members.Remove(member.Id);
            _tagIds.Remove(member.Id);
        }
    }

    /// <summary>After a batch is committed: the database is the truth again.</summary>
    public void Forget()
    {
        _changed.Clear();
        Members.Clear();
        Tags.Clear();
        _tagIds.Clear();
        _identityOwners.Clear();
        _byEmail.Clear();
        _byPhone.Clear();
    }

    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    private static HashSet<Guid> Set(Dictionary<string, HashSet<Guid>> index, string key)
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = [];
        }

        return set;
    }
}
