using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Templates;

/// <summary>
/// The group facts every template may use, loaded once per group and reused for all its messages
/// (<c>Features/Bot/TemplateGroups</c> loads them: the group's language and rules link are bot settings).
/// </summary>
public sealed record TemplateGroup(Guid Id, string Name, int MemberCount, string Language, string? Rules, string? RulesLink, string WorkspaceName)
{
    public void AddTo(TemplateValues values) => values
        .Set("group.name", Name)
        .Set("group.member_count", MemberCount)
        .Set("group.rules", Rules)
        .Set("group.rules_link", RulesLink)
        .Set("workspace.name", WorkspaceName);
}

/// <summary>
/// Renders the message a template (or the built-in default of its purpose) makes for a group, in the group's language.
/// Never throws: when rendering fails (or renders no text) the group's fallback text is returned and a <see cref="BotAlert"/> is added to
/// the context, saved with the caller's changes (in the pipeline: with the batch).
/// </summary>
public sealed class RenderMessage(TemplateCache cache, TimeProvider clock)
{
    /// <param name="fallback">What to send when rendering fails; null: the purpose's built-in fallback text.</param>
    public async Task<string> RenderAsync(
        QunyunDb db, TemplateGroup group, TemplatePurpose purpose, Guid? templateId, TemplateValues values, Guid? memberId, CancellationToken cancellationToken,
        string? fallback = null)
    {
        var stored = templateId is { } id ? await StoredAsync(db, purpose, id, cancellationToken) : null;
        return Render(db, group, purpose, stored, values, memberId, fallback);
    }

    /// <summary>As <see cref="RenderAsync"/> for the template saved under <paramref name="key"/>, else <paramref name="builtIn"/>.</summary>
    public async Task<string> RenderByKeyAsync(
        QunyunDb db, TemplateGroup group, TemplatePurpose purpose, string key, Func<string, string> builtIn, TemplateValues values, Guid? memberId,
        CancellationToken cancellationToken) =>
        RenderByKey(db, group, purpose, await StoredByKeyAsync(db, purpose, key, cancellationToken), builtIn, values, memberId);

    /// <summary>The bodies of a saved template of <paramref name="purpose"/>; null when there is none (the built-in applies).</summary>
    public static Task<StoredBody?> StoredAsync(QunyunDb db, TemplatePurpose purpose, Guid templateId, CancellationToken cancellationToken) =>
        db.MessageTemplates.AsNoTracking().Where(t => t.Id == templateId && t.Purpose == purpose)
            .Select(t => new StoredBody(t.Id, t.Version, t.BodyZh, t.BodyEn)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The bodies of the template saved under <paramref name="key"/>; null when there is none.</summary>
    public static Task<StoredBody?> StoredByKeyAsync(QunyunDb db, TemplatePurpose purpose, string key, CancellationToken cancellationToken) =>
        db.MessageTemplates.AsNoTracking().Where(t => t.Key == key && t.Purpose == purpose)
            .Select(t => new StoredBody(t.Id, t.Version, t.BodyZh, t.BodyEn)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Renders <paramref name="stored"/>, or <paramref name="builtIn"/> in the group's language when nothing is saved.</summary>
    public string RenderByKey(QunyunDb db, TemplateGroup group, TemplatePurpose purpose, StoredBody? stored, Func<string, string> builtIn, TemplateValues values, Guid? memberId) =>
        Render(db, group, purpose, stored ?? new StoredBody(Guid.Empty, 0, builtIn(DefaultTemplates.Chinese), builtIn(DefaultTemplates.English)), values, memberId);

    /// <summary>Renders bodies kept on another row (an FAQ answer), cached under that row's id and version.</summary>
    public string Render(QunyunDb db, TemplateGroup group, TemplatePurpose purpose, StoredBody? stored, TemplateValues values, Guid? memberId, string? fallback = null)
    {
        group.AddTo(values);
        values.ForLanguage(group.Language);
        var body = stored is null ? null : (DefaultTemplates.IsChinese(group.Language) ? stored.BodyZh ?? stored.BodyEn : stored.BodyEn ?? stored.BodyZh);
        var template = stored is null || string.IsNullOrWhiteSpace(body)
            ? cache.Default(purpose, group.Language)
            : cache.Get(purpose, body);
        var outcome = template?.Render(values) ?? RenderOutcome.Fail("The stored template no longer compiles.");
        if (outcome.Succeeded && string.IsNullOrWhiteSpace(outcome.Text))
        {
            outcome = RenderOutcome.Fail("The template rendered no text."); // nothing to post: a chat refuses an empty message
        }

        if (outcome.Succeeded)
        {
            return outcome.Text!;
        }

        db.BotAlerts.Add(new BotAlert
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Kind = BotAlertKind.RenderFailed,
            GroupId = group.Id,
            MemberId = memberId,
            TemplateId = stored is null || stored.Id == Guid.Empty ? null : stored.Id,
            Message = $"{purpose}: {outcome.Error}",
            At = clock.GetUtcNow().UtcDateTime,
        });
        return fallback ?? DefaultTemplates.Fallback(purpose, group.Language);
    }
}

/// <summary>A template's bodies as stored; <see cref="Id"/> names it in alerts (Guid.Empty: a built-in).</summary>
public sealed record StoredBody(Guid Id, int Version, string? BodyZh, string? BodyEn);
