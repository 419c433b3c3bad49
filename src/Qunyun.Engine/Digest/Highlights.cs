namespace Qunyun.Engine.Digest;

/// <summary>One message of the day with what others did with it.</summary>
public sealed record HighlightCandidate(long EventId, string Author, string Text, DateTime At, int Replies, int Reactions, bool StaffPick, bool Moderated);

public sealed record Highlight(HighlightCandidate Message, double Score);

/// <summary>
/// Picks a day's best messages (汇总群精华): replies weigh most, then reactions, then substance (length, capped so a
/// wall of text does not win alone); a staff pick always makes it; moderated messages and one-word chatter never do.
/// </summary>
public static class Highlights
{
    public const int MinLength = 6;
    public const double ReplyWeight = 3;
    public const double ReactionWeight = 2;
    public const double LengthWeight = 1.0 / 50;
    public const int LengthCap = 200;

    public static double Score(HighlightCandidate message) =>
        message.Replies * ReplyWeight + message.Reactions * ReactionWeight + Math.Min(message.Text.Length, LengthCap) * LengthWeight;

    public static IReadOnlyList<Highlight> Pick(IEnumerable<HighlightCandidate> messages, int count)
    {
        var eligible = messages.Where(m => !m.Moderated && (m.StaffPick || m.Text.Trim().Length >= MinLength))
            .Select(m => new Highlight(m, Score(m)))
            .ToList();
        var picks = eligible.Where(h => h.Message.StaffPick).OrderBy(h => h.Message.At);
        var best = eligible.Where(h => !h.Message.StaffPick && (h.Message.Replies > 0 || h.Message.Reactions > 0))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Message.At).ThenBy(h => h.Message.EventId);
        return picks.Concat(best).Take(Math.Max(count, 0)).ToList();
    }
}
