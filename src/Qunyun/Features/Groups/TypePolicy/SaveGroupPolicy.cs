using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups.TypePolicy;

/// <summary>
/// Reads and changes a group's overrides of its type's policy (the API and the group page's policy panel). Setting a
/// field to null clears its override; every field is checked before anything is written, and only overrides are stored.
/// </summary>
public sealed class SaveGroupPolicy
{
    public const int MinCapacity = 2;
    public const int MaxCapacity = 100_000;

    public abstract record Outcome
    {
        public sealed record Saved(GroupPolicyResponse Policy) : Outcome;

        public sealed record Invalid(FieldErrors Errors) : Outcome;

        public sealed record Missing : Outcome;
    }

    public static async Task<GroupPolicyResponse?> GetAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is null ? null : Describe(group);
    }

    public static GroupPolicyResponse Describe(Group group)
    {
        var overrides = GroupSettingsJson.Read(group.PolicyOverrides);
        var (effective, inherited) = (GroupPolicies.Of(group), GroupSettings.ForType(group.Type));
        var fields = new List<GroupPolicyFieldResponse> { new(GroupSettingsFields.Capacity, group.Capacity, inherited.Capacity, group.Capacity != inherited.Capacity) };
        fields.AddRange(GroupSettingsFields.All.Select(f => new GroupPolicyFieldResponse(f.Name, f.Value(effective), f.Value(inherited), f.IsSet(overrides))));
        return new GroupPolicyResponse(group.Id, group.Type, fields);
    }

    /// <param name="changes">Field name → new value; a JSON null clears the field's override.</param>
    public async Task<Outcome> SaveAsync(QunyunDb db, Guid groupId, IReadOnlyDictionary<string, JsonElement> changes, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return new Outcome.Missing();
        }

        var errors = new FieldErrors();
        var overrides = GroupSettingsJson.Read(group.PolicyOverrides);
        var capacity = group.Capacity;
        foreach (var (name, value) in changes)
        {
            if (string.Equals(name, GroupSettingsFields.Capacity, StringComparison.OrdinalIgnoreCase))
            {
                capacity = value.ValueKind == JsonValueKind.Null ? GroupSettings.ForType(group.Type).Capacity
                    : GroupSettingsFields.Int(value, MinCapacity, MaxCapacity) ?? Refuse(errors, name, $"A whole number from {MinCapacity} to {MaxCapacity}.", capacity);
            }
            else if (GroupSettingsFields.Find(name) is not { } field)
            {
                errors.Add(name, $"Not a policy field; the fields are: {GroupSettingsFields.Capacity}, {string.Join(", ", GroupSettingsFields.All.Select(f => f.Name))}.");
            }
            else if (value.ValueKind == JsonValueKind.Null)
            {
                overrides = field.Clear(overrides);
            }
            else if (field.Set(overrides, value) is ({ } changed, _))
            {
                overrides = changed;
            }
            else
            {
                errors.Add(field.Name, field.Set(overrides, value).Error!);
            }
        }

        if (errors.Any)
        {
            return new Outcome.Invalid(errors);
        }

        (group.PolicyOverrides, group.Capacity) = (GroupSettingsJson.Write(overrides), capacity);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome.Saved(Describe(group));
    }

    /// <summary>Drops every override: the group follows its type again (its capacity too).</summary>
    public async Task<Outcome> ResetAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return new Outcome.Missing();
        }

        (group.PolicyOverrides, group.Capacity) = (null, GroupSettings.ForType(group.Type).Capacity);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome.Saved(Describe(group));
    }

    private static int Refuse(FieldErrors errors, string field, string message, int keep)
    {
        errors.Add(field, message);
        return keep;
    }
}
