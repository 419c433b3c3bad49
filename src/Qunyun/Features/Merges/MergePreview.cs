using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>What a merge would move and combine, for the operator to check before confirming.</summary>
public static class MergePreview
{
    public static MergePreviewResponse Of(MergePlan plan, MergeChoices choices, DateTime now, TimeSpan halfLife, TimeSpan interestHalfLife)
    {
        var result = plan.Result(choices, now, halfLife);
        var fields = MergePlan.FieldNames.Select(name => Value(name, MergePlan.FieldOf(plan.Survivor, name), plan.AbsorbedField(name),
            name switch
            {
                "displayName" => result.DisplayName,
                "email" => result.Email,
                "phone" => result.Phone,
                _ => result.Note,
            })).Where(f => f.Survivor is not null || f.Absorbed is not null).ToList();
        var attributes = plan.Attributes(choices).Select(a =>
            Value(a.Absorbed.Key, a.Survivor?.Value, a.Absorbed.Value, a.Survivor is null || a.Taken ? a.Absorbed.Value : a.Survivor.Value)).ToList();
        var memberships = plan.Memberships().Select(m => new MergeMembershipPreview(
            m.Absorbed.GroupId, m.Absorbed.Group?.Name ?? "", m.Survivor?.Role, m.Absorbed.Role,
            m.Result.Role, m.Result.JoinedAt, m.Result.LeftAt, m.Survivor is not null)).ToList();
        var tags = plan.Tags(interestHalfLife).Select(t => new MergeTagPreview(t.Absorbed.TagId, t.Absorbed.Tag?.Name ?? "", t.Survivor?.Weight, t.Absorbed.Weight, t.Weight)).ToList();
        var identities = plan.Identities.Select(i => new IdentityResponse(i.Id, i.ChannelId, i.Channel?.Name ?? "", i.Channel?.Kind ?? default,
            i.ExternalUserId, i.DisplayName)).ToList();
        var combined = plan.AbsorbedDays.Count(d => plan.SurvivorDays.Contains((d.GroupId, d.Day)));
        var score = new MergeScorePreview(
            MergePlan.ScoreOf(plan.Survivor, now).DecayedTo(now, halfLife).Value,
            MergePlan.ScoreOf(plan.Absorbed, now).DecayedTo(now, halfLife).Value,
            result.ActivityScoreAt is { } at ? new Engine.Scoring.ActivityScore(result.ActivityScore, at).DecayedTo(now, halfLife).Value : 0,
            now);
        return new MergePreviewResponse(Brief(plan.Survivor, plan.SurvivorIdentities), Brief(plan.Absorbed, identities.Count),
            identities, memberships, tags, fields, attributes, plan.Events, plan.AbsorbedDays.Count, combined, score, result.LastActiveAt);
    }

    private static MergeValuePreview Value(string name, string? survivor, string? absorbed, string? result) =>
        new(name, survivor, absorbed, result, survivor is not null && absorbed is not null && survivor != absorbed);

    private static MergeMemberBrief Brief(Member m, int identities) =>
        new(m.Id, m.DisplayName, m.Email, m.Phone, m.CreatedAt, identities);
}
