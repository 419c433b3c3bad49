using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

public sealed record ScreeningTaskRequest(ScreeningTaskKind? Kind, int? Target, int? StayDays);

public sealed record ScreeningSettingsRequest(
    List<ScreeningQuestion>? Questions, int? DeadlineHours, ScreeningTaskRequest? Task, Guid? InviteTemplateId, Guid? DeclinedTemplateId);

/// <summary>The settings of all groups of <see cref="Type"/> (those without their own).</summary>
public sealed record ScreeningTypeSettingsRequest(
    Qunyun.Engine.Groups.GroupType? Type, List<ScreeningQuestion>? Questions, int? DeadlineHours, ScreeningTaskRequest? Task, Guid? InviteTemplateId, Guid? DeclinedTemplateId)
{
    public ScreeningSettingsRequest Settings => new(Questions, DeadlineHours, Task, InviteTemplateId, DeclinedTemplateId);
}

/// <summary>A group's screening: the entry mode from its policy (and whether the group overrides its type's) and the setup in force.</summary>
public sealed record ScreeningSettingsResponse(
    EntryMode Entry, bool EntryOverridden, ScreeningSource Source, IReadOnlyList<ScreeningQuestion> Questions, int DeadlineHours, ScreeningTask? Task,
    Guid? InviteTemplateId, Guid? DeclinedTemplateId);

public sealed record ScreeningRuleRequest(AutoApproveKind? Kind, int? Question, string? Value, int? Days);

public sealed record ScreeningRuleResponse(Guid Id, AutoApproveKind Kind, int? Question, string? Value, int? Days, DateTime CreatedAt);

/// <summary>How many applications of the group the rule would have approved (of those answered), and how many waiting now it would approve.</summary>
public sealed record ScreeningDryRunResponse(int Answered, int WouldApprove, int PendingWouldApprove);

public sealed record DenyScreeningRequest(string? Reason);

public sealed record ScreeningResponse(
    Guid Id, Guid GroupId, string GroupName, EntryMode Mode, ScreeningVia Via, ScreeningStatus Status, DateTime OpenedAt, DateTime Deadline,
    IReadOnlyList<ScreeningQuestion> Questions, IReadOnlyList<string?> Answers, DateTime? AnsweredAt, int TaskDone, int? TaskTarget,
    DateTime? DecidedAt, ScreeningDecider? Decider, string? DecidedBy, string? Reason, bool RemoveByHand, DateTime? RemovedAt, string? RemovedBy, ApplicantProfile Applicant);

/// <summary>What the public form shows: no ids, only the group's name and what the applicant is asked.</summary>
public sealed record ApplicationFormResponse(
    string GroupName, string Language, EntryMode Mode, ScreeningStatus Status, DateTime Deadline, IReadOnlyList<ScreeningQuestion> Questions,
    IReadOnlyList<string?> Answers, ScreeningTask? Task, int TaskDone);

public sealed record ApplicationAnswersRequest(List<string?>? Answers);
