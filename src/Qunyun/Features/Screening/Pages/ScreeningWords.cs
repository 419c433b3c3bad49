using Microsoft.Extensions.Localization;
using Qunyun.Engine.Screening;
using Qunyun.Localization;

namespace Qunyun.Features.Screening.Pages;

/// <summary>A screening's decision and an auto-approve rule in the console's words: who or what decided, when and why.</summary>
public static class ScreeningWords
{
    public static string Decision(IStringLocalizer<Strings> l, ScreeningResponse s, Func<DateTime, string> local)
    {
        var who = s.Decider switch
        {
            ScreeningDecider.Staff => string.Format(l["Screening.By.Staff"], s.DecidedBy),
            ScreeningDecider.Rule => string.Format(l["Screening.By.Rule"], ScreeningRuleWords.Read(s.DecidedBy) is { } rule ? Rule(l, rule, s.Questions) : ""),
            { } decider => l[$"Screening.By.{decider}"],
            null => "",
        };
        var text = string.Format(l["Screening.DecisionLine"], l[$"Screening.Status.{s.Status}"], who, s.DecidedAt is { } at ? local(at) : "");
        text = s.Reason is { Length: > 0 } reason ? $"{text} · {string.Format(l["Screening.ReasonIs"], reason)}" : text;
        return s.RemovedAt is { } removed ? $"{text} · {string.Format(l["Screening.RemovedBy"], s.RemovedBy, local(removed))}" : text;
    }

    public static string Rule(IStringLocalizer<Strings> l, AutoApproveCondition rule, IReadOnlyList<ScreeningQuestion> questions)
    {
        var question = rule.Question is { } q ? (q < questions.Count ? questions[q].Text : $"#{q + 1}") : "";
        return rule.Kind switch
        {
            AutoApproveKind.AnswerContains or AutoApproveKind.AnswerEquals => string.Format(l[$"Screening.Rule.{rule.Kind}"], question, rule.Value),
            AutoApproveKind.HasTag => string.Format(l["Screening.Rule.HasTag"], rule.Value),
            _ => string.Format(l["Screening.Rule.KnownForDays"], rule.Days),
        };
    }
}
