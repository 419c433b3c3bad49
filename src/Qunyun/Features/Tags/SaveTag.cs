using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

public abstract record SaveTagResult
{
    public sealed record Saved(Guid Id) : SaveTagResult;
    public sealed record NotFound : SaveTagResult;
    public sealed record Conflict(string Detail) : SaveTagResult;
    public sealed record Invalid(FieldErrors Errors) : SaveTagResult;
}

/// <summary>
/// Creates or updates a manual or rule tag (the API and the console's tag dialog). A new or changed rule is applied
/// to every member at once, so the tag is right before the next event or the next daily recheck.
/// </summary>
public sealed class SaveTag(TimeProvider clock, TagRecheck recheck)
{
    public async Task<SaveTagResult> ExecuteAsync(QunyunDb db, Guid? id, TagRequest request, CancellationToken cancellationToken)
    {
        var existing = id is null ? null : await db.Tags.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (id is not null && existing is null)
        {
            return new SaveTagResult.NotFound();
        }

        var kind = request.Kind ?? existing?.Kind ?? TagKind.Manual;
        var name = request.Name?.Trim() ?? "";
        var errors = new FieldErrors()
            .AddIf(name.Length is 0 or > 64, "Name", "Between 1 and 64 characters.")
            .AddIf(kind != TagKind.Interest && name.StartsWith(Topics.InterestPrefix, StringComparison.OrdinalIgnoreCase),
                "Name", $"Names starting with '{Topics.InterestPrefix}' are kept for interest tags.")
            .AddIf(existing is null && kind == TagKind.Interest, "Kind", "Interest tags are made from topics by the pipeline.")
            .AddIf(existing is null && kind == TagKind.Platform, "Kind", "Platform tags come from the platform (WeCom) and follow its changes.")
            .AddIf(kind != TagKind.Rule && request.Rule is not null, "Rule", "Only rule tags have a rule.");
        var rule = kind == TagKind.Rule ? await CheckRuleAsync(db, request.Rule, errors, cancellationToken) : null;
        if (errors.Any)
        {
            return new SaveTagResult.Invalid(errors);
        }

        if (existing is not null && existing.Kind != kind)
        {
            return new SaveTagResult.Conflict("A tag's kind cannot change; create a new tag instead.");
        }

        if (existing is { Kind: TagKind.Interest } && existing.Name != name)
        {
            return new SaveTagResult.Conflict("Interest tags are named after their topic.");
        }

        if (existing is { Kind: TagKind.Platform } && existing.Name != name)
        {
            return new SaveTagResult.Conflict("Platform tags are named on the platform; rename the tag there.");
        }

        if (await db.Tags.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            return new SaveTagResult.Conflict($"A tag named '{name}' already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tag = existing ?? db.Tags.Add(new Tag { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name, Kind = kind, CreatedAt = now }).Entity;
        var ruleChanged = rule is not null && rule != tag.Rule;
        (tag.Name, tag.Description, tag.Rule) = (name, request.Description?.Trim(), rule);
        tag.Color = request.Color?.ToLowerInvariant() ?? tag.Color;
        await db.SaveChangesAsync(cancellationToken);
        if (ruleChanged)
        {
            await recheck.ApplyRuleAsync(db, new RuleTag(tag.Id, tag.Name, rule!), TagChangeCause.RuleSaved, cancellationToken);
        }

        return new SaveTagResult.Saved(tag.Id);
    }

    private static async Task<TagRule?> CheckRuleAsync(QunyunDb db, TagRuleRequest? request, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            errors.Add("Rule", "A rule tag needs a rule.");
            return null;
        }

        errors.AddIf(request.Metric is null, "Rule.Metric", "Required.")
            .AddIf(request.Comparison is null, "Rule.Comparison", "Required.")
            .AddIf(request.Threshold is null, "Rule.Threshold", "Required.")
            .AddIf(request.WindowDays is null, "Rule.WindowDays", "Required.");
        if (request is not { Metric: { } metric, Comparison: { } comparison, Threshold: { } threshold, WindowDays: { } days })
        {
            return null;
        }

        var rule = new TagRule(metric, comparison, threshold, days, request.Topic, request.GroupId, request.ChannelId, request.Currency);
        foreach (var problem in rule.Problems())
        {
            errors.Add($"Rule.{problem.Field}", problem.Message);
        }

        if (request.GroupId is { } group && !await db.Groups.AnyAsync(g => g.Id == group, cancellationToken))
        {
            errors.Add("Rule.GroupId", "No group with this id in the workspace.");
        }

        if (request.ChannelId is { } channel && !await db.Channels.AnyAsync(c => c.Id == channel, cancellationToken))
        {
            errors.Add("Rule.ChannelId", "No channel with this id in the workspace.");
        }

        return rule.Normalized();
    }
}
