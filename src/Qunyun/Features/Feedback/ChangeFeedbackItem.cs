using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Feedback;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Outbox;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Feedback;

public abstract record FeedbackChange
{
    public sealed record Done(FeedbackItemResponse Item, bool ReplyQueued) : FeedbackChange;
    public sealed record NotFound : FeedbackChange;
    public sealed record Invalid(FieldErrors Errors) : FeedbackChange;
}

/// <summary>
/// Sets an item's status or owner (the API and the Feedback page). A new status other than New answers the reporter
/// in the group, quoting their message, through the FeedbackReply template (key <see cref="ReplyTemplateKey"/>, else
/// the built-in one) — once per item and status (key <c>feedback:{item}:{status}</c>), so flipping back and forth
/// does not repeat it, and never in a group that is no longer active.
/// </summary>
public sealed class ChangeFeedbackItem(RenderMessage render, TimeProvider clock)
{
    public const string ReplyTemplateKey = "feedback-reply";
    public const int ExcerptLength = 40;

    public async Task<FeedbackChange> ExecuteAsync(QunyunDb db, Guid id, FeedbackChangeRequest request, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.Include(f => f.Group).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (item is null)
        {
            return new FeedbackChange.NotFound();
        }

        var errors = new FieldErrors()
            .AddIf(request.Status is null && request.OwnerId is null, "Status", "Give a status, an owner, or both.")
            .AddIf(request.Status is { } s && !Enum.IsDefined(s), "Status", $"One of: {string.Join(", ", Enum.GetNames<FeedbackStatus>())}.");
        if (request.OwnerId is { Length: > 0 } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.WorkspaceId == db.WorkspaceId, cancellationToken))
        {
            errors.Add("OwnerId", "Not a staff account of this workspace.");
        }

        if (errors.Any)
        {
            return new FeedbackChange.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var replied = false;
        if (request.Status is { } status && status != item.Status)
        {
            item.Status = status;
            replied = status != FeedbackStatus.New && await ReplyAsync(db, item, now, cancellationToken);
        }

        if (request.OwnerId is not null)
        {
            item.OwnerId = request.OwnerId.Length == 0 ? null : request.OwnerId;
        }

        item.UpdatedAt = now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new FeedbackChange.Done((await FeedbackQueries.GetAsync(db, id, cancellationToken))!, replied);
    }

    public static string KeyOf(Guid itemId, FeedbackStatus status) => $"feedback:{itemId}:{status}";

    private async Task<bool> ReplyAsync(QunyunDb db, FeedbackItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = KeyOf(item.Id, item.Status);
        var group = item.Group!;
        if (group.Status != GroupStatus.Active || await db.Outbox.AnyAsync(o => o.IdempotencyKey == key, cancellationToken)
            || await TemplateGroups.LoadAsync(db, group.Id, cancellationToken) is not { } target)
        {
            return false;
        }

        var chinese = DefaultTemplates.IsChinese(target.Language);
        var values = new TemplateValues()
            .Set("member.name", await db.Members.Where(m => m.Id == item.MemberId).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken))
            .Set("feedback.kind", FeedbackWords.Kind(item.Kind, chinese))
            .Set("feedback.status", FeedbackWords.Status(item.Status, chinese))
            .Set("feedback.excerpt", Excerpt(item))
            .Set("feedback.text", item.Text);
        var text = await render.RenderByKeyAsync(db, target, TemplatePurpose.FeedbackReply, ReplyTemplateKey,
            language => DefaultTemplates.Source(TemplatePurpose.FeedbackReply, language), values, item.MemberId, cancellationToken);
        OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text, item.ExternalEventId), key, now, item.EventId);
        return true;
    }

    /// <summary>The message without its tag, cut to <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(FeedbackItem item)
    {
        var text = item.Text;
        var at = text.IndexOf(item.Keyword, StringComparison.OrdinalIgnoreCase);
        if (at > 0 && text[at - 1] is '#' or '＃')
        {
            text = text.Remove(at - 1, item.Keyword.Length + 1);
        }

        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ':', '：', ',', '，');
        return text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
    }
}
