namespace Qunyun.Engine.Health;

/// <summary>
/// How quickly questions get their first answer, kept as a small histogram per group and day so it adds up set-based:
/// answered within 5 minutes, 30 minutes, 2 hours and 24 hours; questions not answered within a day count as slowest.
/// </summary>
public static class AnswerTimes
{
    /// <summary>Upper edges of the buckets, in minutes.</summary>
    public static readonly IReadOnlyList<double> Edges = [5, 30, 120, 1440];

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(1440);

    /// <summary>The bucket a wait falls in (0 … 3), or null when it is longer than a day.</summary>
    public static int? Bucket(TimeSpan wait)
    {
        var minutes = Math.Max(0, wait.TotalMinutes);
        for (var i = 0; i < Edges.Count; i++)
        {
            if (minutes <= Edges[i])
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The median minutes, interpolated inside its bucket; <see cref="GiveUpAfter"/> when half the questions or more went
    /// unanswered; null without questions.
    /// </summary>
    public static double? Median(int questions, IReadOnlyList<int> answeredPerBucket)
    {
        if (questions <= 0)
        {
            return null;
        }

        var half = questions / 2.0;
        double below = 0;
        for (var i = 0; i < answeredPerBucket.Count && i < Edges.Count; i++)
        {
            var count = answeredPerBucket[i];
            if (count > 0 && below + count >= half)
            {
                var from = i == 0 ? 0 : Edges[i - 1];
                return from + (Edges[i] - from) * (half - below) / count;
            }

            below += count;
        }

        return GiveUpAfter.TotalMinutes;
    }

    /// <summary>
    /// A question in a chat: ends with a question mark (half- or full-width) or with a Chinese question particle
    /// (吗, 呢, 么), trailing spaces and closing marks such as ~ 。 ! ignored.
    /// </summary>
    public static bool IsQuestion(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd("~～。.!！…".AsSpan()).TrimEnd();
        if (end.IsEmpty)
        {
            return false;
        }

        return end[^1] is '?' or '？' or '吗' or '呢' or '么';
    }

    /// <summary>Share of messages from the most talkative fifth of the speakers (rounded up); null below five speakers.</summary>
    public static double? TopFifthShare(IReadOnlyCollection<int> messagesPerSpeaker)
    {
        var speakers = messagesPerSpeaker.Where(m => m > 0).OrderByDescending(m => m).ToList();
        var total = speakers.Sum();
        if (speakers.Count < 5 || total == 0)
        {
            return null;
        }

        var top = (int)Math.Ceiling(speakers.Count * 0.2);
        return (double)speakers.Take(top).Sum() / total;
    }
}
