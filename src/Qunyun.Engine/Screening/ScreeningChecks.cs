namespace Qunyun.Engine.Screening;

/// <summary>Refusals of settings and answers, each naming the field (API names, camelCase) it is about.</summary>
public static class ScreeningChecks
{
    public sealed record Problem(string Field, string Message);

    public static IReadOnlyList<Problem> Setup(EntryMode mode, ScreeningSetup setup)
    {
        var problems = new List<Problem>();
        if (setup.DeadlineHours is < ScreeningSetup.MinDeadlineHours or > ScreeningSetup.MaxDeadlineHours)
        {
            problems.Add(new("deadlineHours", $"From {ScreeningSetup.MinDeadlineHours} to {ScreeningSetup.MaxDeadlineHours} hours (30 days)."));
        }

        if (mode == EntryMode.Application && setup.Questions.Count == 0)
        {
            problems.Add(new("questions", "An application needs at least one question."));
        }

        if (setup.Questions.Count > ScreeningSetup.MaxQuestions)
        {
            problems.Add(new("questions", $"At most {ScreeningSetup.MaxQuestions} questions."));
        }

        for (var i = 0; i < setup.Questions.Count; i++)
        {
            Question(setup.Questions[i], $"questions[{i}]", problems);
        }

        if (setup.Task is { } task)
        {
            if (task.Target is <= 0 or > ScreeningSetup.MaxTaskTarget)
            {
                problems.Add(new("task.target", $"From 1 to {ScreeningSetup.MaxTaskTarget}."));
            }

            if (task.Kind == ScreeningTaskKind.InviteFriends && task.StayDays is < 0 or > ScreeningSetup.MaxStayDays)
            {
                problems.Add(new("task.stayDays", $"From 0 to {ScreeningSetup.MaxStayDays} days."));
            }
        }
        else if (mode == EntryMode.TaskGated)
        {
            problems.Add(new("task", "A task-gated group needs a task."));
        }

        return problems;
    }

    private static void Question(ScreeningQuestion question, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(question.Text) || question.Text.Length > ScreeningSetup.MaxQuestionLength)
        {
            problems.Add(new($"{field}.text", $"1 to {ScreeningSetup.MaxQuestionLength} characters."));
        }

        if (question.Kind == QuestionKind.Choice
            && (question.Options.Count is < 2 or > ScreeningSetup.MaxOptions
                || question.Options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > ScreeningSetup.MaxOptionLength)
                || question.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != question.Options.Count))
        {
            problems.Add(new($"{field}.options", $"A choice needs 2 to {ScreeningSetup.MaxOptions} different options of 1 to {ScreeningSetup.MaxOptionLength} characters."));
        }
    }

    /// <summary>Answers in question order; a required question needs an answer, a choice one of its options.</summary>
    public static IReadOnlyList<Problem> Answers(IReadOnlyList<ScreeningQuestion> questions, IReadOnlyList<string?> answers)
    {
        var problems = new List<Problem>();
        if (answers.Count != questions.Count)
        {
            problems.Add(new("answers", $"Give {questions.Count} answers, one per question (an empty one where a question is optional)."));
            return problems;
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var (question, answer) = (questions[i], answers[i]?.Trim() ?? "");
            if (answer.Length == 0)
            {
                if (question.Required)
                {
                    problems.Add(new($"answers[{i}]", "This question needs an answer."));
                }
            }
            else if (answer.Length > ScreeningSetup.MaxAnswerLength)
            {
                problems.Add(new($"answers[{i}]", $"At most {ScreeningSetup.MaxAnswerLength} characters."));
            }
            else if (question.Kind == QuestionKind.Choice && !question.Options.Contains(answer, StringComparer.Ordinal))
            {
                problems.Add(new($"answers[{i}]", "Pick one of the options."));
            }
        }

        return problems;
    }
}
