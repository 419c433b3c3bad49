namespace Qunyun.Features.Events;

/// <summary>
/// The one place that says in which order the stages run. A stage names itself; one the list does not know stops
/// the host at start, so a new stage has to be put in its place here.
/// </summary>
public static class PipelineStages
{
    /// <summary>Judges each group message; marks what it acted on (<see cref="EventVerdicts.ModeratedBy"/>).</summary>
    public const string Moderation = "moderation";

    /// <summary>Newcomers past a full group's capacity: removed with a notice, or flagged; marks <see cref="EventVerdicts.TurnedAway"/>.</summary>
    public const string Capacity = "capacity";

    /// <summary>Joins and join requests of groups that screen newcomers open screenings (application, task, paid); may mark <see cref="EventVerdicts.TurnedAway"/>.</summary>
    public const string Screening = "screening";

    /// <summary>Welcomes, commands, answers; skips moderated messages, marks <see cref="EventVerdicts.AnsweredBy"/>.</summary>
    public const string Bot = "bot";

    /// <summary>Nudges idle back-and-forth in groups whose policy guards against it to private chat (小窗); skips moderated messages.</summary>
    public const string IdleChat = "idle-chat";

    /// <summary>Times questions to their first answer (the bot's FAQ reply or someone else's next message); reads <see cref="EventVerdicts.AnsweredBy"/>.</summary>
    public const string Answers = "answers";

    /// <summary>Tagged messages in product-feedback groups become feedback items (#bug, #idea, #建议, #反馈).</summary>
    public const string Feedback = "feedback";

    /// <summary>Check-ins earn points; marks <see cref="EventVerdicts.PointsAwarded"/>.</summary>
    public const string Points = "points";

    /// <summary>Referral campaigns: joins through personal links become helps, leaves are noted, 我的海报/我的助力 answered unless the bot answered.</summary>
    public const string Referrals = "referrals";

    /// <summary>Facts, interest weights and rule tags of the members the batch touched.</summary>
    public const string Tags = "tags";

    public static readonly IReadOnlyList<string> Order = [Moderation, Capacity, Screening, Bot, IdleChat, Answers, Feedback, Points, Referrals, Tags];

    public static IReadOnlyList<IPipelineStage> Arrange(IEnumerable<IPipelineStage> registered)
    {
        var stages = registered.ToList();
        foreach (var stage in stages)
        {
            if (!Order.Contains(stage.Name))
            {
                throw new InvalidOperationException($"Pipeline stage '{stage.Name}' ({stage.GetType().Name}) is not in PipelineStages.Order.");
            }
        }

        if (stages.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Pipeline stage '{twice.Key}' is registered {twice.Count()} times.");
        }

        return [.. stages.OrderBy(s => Order.ToList().IndexOf(s.Name))];
    }
}
