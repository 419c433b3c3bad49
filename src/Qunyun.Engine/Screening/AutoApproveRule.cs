namespace Qunyun.Engine.Screening;

public enum AutoApproveKind
{
    /// <summary>The answer to question <c>Question</c> contains <c>Value</c> (case-insensitive).</summary>
    AnswerContains,

    /// <summary>The answer to question <c>Question</c> is <c>Value</c> (case-insensitive, trimmed).</summary>
    AnswerEquals,

    /// <summary>The member carries the tag named <c>Value</c>.</summary>
    HasTag,

    /// <summary>The member has been known for at least <c>Days</c> days (first seen in any channel).</summary>
    KnownForDays,
}

/// <summary>A condition that approves an application without staff: the first one that holds decides.</summary>
/// <param name="Question">The question's position (0-based) for answer rules.</param>
public sealed record AutoApproveCondition(AutoApproveKind Kind, int? Question, string? Value, int? Days);

/// <summary>What the rules read about one applicant.</summary>
public sealed record ApplicantFacts(IReadOnlyList<string?> Answers, IReadOnlySet<string> Tags, DateTime FirstSeen);

public static class AutoApprove
{
    public static bool Holds(AutoApproveCondition rule, ApplicantFacts facts, DateTime now) => rule.Kind switch
    {
        AutoApproveKind.AnswerContains => Answer(rule, facts) is { } a && rule.Value is { Length: > 0 } v && a.Contains(v.Trim(), StringComparison.OrdinalIgnoreCase),
        AutoApproveKind.AnswerEquals => Answer(rule, facts) is { } a && string.Equals(a.Trim(), rule.Value?.Trim(), StringComparison.OrdinalIgnoreCase),
        AutoApproveKind.HasTag => rule.Value is { } tag && facts.Tags.Contains(tag),
        AutoApproveKind.KnownForDays => rule.Days is { } days && now - facts.FirstSeen >= TimeSpan.FromDays(days),
        _ => false,
    };

    /// <summary>The index of the first rule that holds, or null.</summary>
    public static int? FirstMatch(IReadOnlyList<AutoApproveCondition> rules, ApplicantFacts facts, DateTime now)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (Holds(rules[i], facts, now))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Refusals of a rule by field; <paramref name="questions"/> is how many the group asks.</summary>
    public static IReadOnlyList<ScreeningChecks.Problem> Check(AutoApproveCondition rule, int questions)
    {
        var problems = new List<ScreeningChecks.Problem>();
        switch (rule.Kind)
        {
            case AutoApproveKind.AnswerContains or AutoApproveKind.AnswerEquals:
                if (rule.Question is not { } q || q < 0 || q >= questions)
                {
                    problems.Add(new("question", questions == 0 ? "The group asks no questions yet." : $"A question number from 1 to {questions}."));
                }

                if (string.IsNullOrWhiteSpace(rule.Value) || rule.Value.Length > ScreeningSetup.MaxOptionLength)
                {
                    problems.Add(new("value", $"1 to {ScreeningSetup.MaxOptionLength} characters."));
                }

                break;
            case AutoApproveKind.HasTag when string.IsNullOrWhiteSpace(rule.Value):
                problems.Add(new("value", "The tag's name."));
                break;
            case AutoApproveKind.KnownForDays when rule.Days is not (> 0 and <= 3650):
                problems.Add(new("days", "From 1 to 3650 days."));
                break;
        }

        return problems;
    }

    private static string? Answer(AutoApproveCondition rule, ApplicantFacts facts) =>
        rule.Question is { } q && q >= 0 && q < facts.Answers.Count ? facts.Answers[q] : null;
}
