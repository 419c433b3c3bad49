namespace Qunyun.Engine.Groups.IdleChat;

/// <summary>
/// Decides whether the newest messages of a long-term group are idle back-and-forth that belongs in a private chat
/// (闲聊记住及时拉小窗): at least <see cref="IdleChatSettings.Messages"/> messages within
/// <see cref="IdleChatSettings.Minutes"/> minutes ending at the newest one, all between two or three members who each
/// spoke at least twice, none by staff, none asking a question, sharing a link or naming a topic keyword, and any reply
/// answering one of those same messages.
/// </summary>
public static class IdleChatDetector
{
    private static readonly string[] QuestionMarks = ["?", "？", "请问", "怎么", "如何", "为什么", "为啥", "哪里", "哪个", "多少", "吗"];
    private static readonly string[] LinkMarks = ["http://", "https://", "www."];

    /// <param name="recent">The group's recent messages in order; the last is the one just said.</param>
    public static IdleChatRun? Detect(IReadOnlyList<ChatLine> recent, IdleChatSettings settings)
    {
        if (!settings.Enabled || recent.Count < settings.Messages)
        {
            return null;
        }

        var last = recent[^1];
        var since = last.At.AddMinutes(-settings.Minutes);
        var run = recent.Where(l => l.At >= since && l.At <= last.At).ToList();
        if (run.Count < settings.Messages)
        {
            return null;
        }

        var speakers = run.GroupBy(l => l.MemberId).ToList();
        if (speakers.Count is < 2 or > 3 || speakers.Any(s => s.Count() < 2))
        {
            return null;
        }

        var ids = run.Select(l => l.ExternalEventId).ToHashSet(StringComparer.Ordinal);
        if (run.Any(l => l.Staff || l.ReplyTo is { } target && !ids.Contains(target) || OnTopic(l.Text, settings.Keywords)))
        {
            return null;
        }

        return new IdleChatRun([.. speakers.Select(s => s.Key)], run.Count, run[0].At, last.At);
    }

    /// <summary>A question, a link or a topic keyword makes a message part of the group's business.</summary>
    public static bool OnTopic(string text, IReadOnlyList<string> keywords) =>
        QuestionMarks.Any(m => text.Contains(m, StringComparison.Ordinal))
        || LinkMarks.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase))
        || keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>The outbox key of the day's nudge for these members: at most one per pair (or trio) and day.</summary>
    public static string NudgeKey(Guid groupId, IdleChatRun run, DateOnly day) => $"idle:{groupId:N}:{run.PairKey}:{day:yyyyMMdd}";
}
