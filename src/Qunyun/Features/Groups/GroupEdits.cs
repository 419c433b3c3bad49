using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups;

public enum GroupDateProblem
{
    EndBeforeStart,
    EndRequired,
}

/// <summary>The rules for a group's editable facts, shared by the API and the console's edit dialog.</summary>
public static class GroupEdits
{
    public static IReadOnlyList<GroupDateProblem> DateProblems(GroupType type, DateOnly? startsOn, DateOnly? endsOn)
    {
        var problems = new List<GroupDateProblem>();
        if (startsOn is not null && endsOn is not null && endsOn < startsOn)
        {
            problems.Add(GroupDateProblem.EndBeforeStart);
        }

        if (GroupPolicy.For(type).RequiresEndDate && endsOn is null)
        {
            problems.Add(GroupDateProblem.EndRequired);
        }

        return problems;
    }

    /// <summary>A capacity below the members the group already has: nobody could be removed to honour it.</summary>
    public static string? CapacityProblem(int capacity, int memberCount) =>
        capacity < memberCount ? $"The group already has {memberCount} members: the capacity cannot be lower (split the group instead)." : null;

    public const string UnknownZone = "Unknown time zone: use an IANA id such as Asia/Shanghai or Europe/Berlin, or leave it empty for the workspace's zone.";

    /// <summary>The date problems as field errors (all under EndsOn), added to <paramref name="errors"/> when given.</summary>
    public static Api.FieldErrors CheckDates(GroupType type, DateOnly? startsOn, DateOnly? endsOn, Api.FieldErrors? errors = null)
    {
        errors ??= new Api.FieldErrors();
        foreach (var problem in DateProblems(type, startsOn, endsOn))
        {
            errors.Add("EndsOn", Describe(problem));
        }

        return errors;
    }

    public static string Describe(GroupDateProblem problem) => problem switch
    {
        GroupDateProblem.EndBeforeStart => "The end date is before the start date.",
        _ => "A short-term group needs an end date (it is dissolved a few days after it).",
    };

    /// <summary>The IANA id of a zone this machine knows (a Windows id is converted); null for blank; false when unknown.</summary>
    public static bool TryZone(string? timeZone, out string? ianaId)
    {
        ianaId = null;
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return true;
        }

        ianaId = Workspaces.UpdateWorkspace.ToIanaId(timeZone);
        return ianaId is not null;
    }

    /// <summary>Applies an update whose dates passed <see cref="DateProblems"/> and whose zone passed <see cref="TryZone"/>.</summary>
    public static void Apply(Group group, string name, GroupType type, GroupStatus status, int capacity, DateOnly? startsOn, DateOnly? endsOn, string? timeZone)
    {
        group.TimeZone = timeZone;
        group.Name = name.Trim();
        group.Type = type;
        group.Status = status;
        group.Capacity = capacity;
        group.StartsOn = startsOn;
        group.EndsOn = endsOn;
        group.DeriveSearchText();
    }
}
