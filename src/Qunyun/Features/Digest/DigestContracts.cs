using Qunyun.Engine.Digest;

namespace Qunyun.Features.Digest;

public sealed record DigestMessage(long EventId, string Author, string Text, DateTime At, int Replies, int Reactions, bool StaffPick, bool Moderated, double Score, bool Highlight);

/// <summary>A group's day: every message with its figures, which ones are highlights, and the text that would be posted.</summary>
public sealed record DigestResponse(Guid GroupId, DateOnly Date, IReadOnlyList<DigestMessage> Messages, string Text)
{
    public static DigestResponse Of(DigestDay day, string text)
    {
        var picked = day.Highlights.Select(h => h.Message.EventId).ToHashSet();
        var messages = day.Messages.Select(m => new DigestMessage(m.EventId, m.Author, m.Text, m.At, m.Replies, m.Reactions, m.StaffPick, m.Moderated,
            Math.Round(Highlights.Score(m), 2), picked.Contains(m.EventId))).ToList();
        return new DigestResponse(day.GroupId, day.Day, messages, text);
    }
}

/// <summary>Posting settings; a null field keeps its value, except <see cref="TemplateId"/> (null: the built-in template).</summary>
public sealed record DigestSettingsRequest(bool? PostEnabled, TimeOnly? PostAt, int? Count, Guid? TemplateId = null);

public sealed record DigestSettingsResponse(Guid GroupId, bool PostEnabled, TimeOnly PostAt, int Count, Guid? TemplateId, DateOnly? LastPostedOn)
{
    public static DigestSettingsResponse Of(DigestSettings s) => new(s.GroupId, s.PostEnabled, s.PostAt, s.Count, s.TemplateId, s.LastPostedOn);
}
