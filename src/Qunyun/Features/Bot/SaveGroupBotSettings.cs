using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Bot;

/// <summary>Saves a group's bot settings (API and console); null result: no such group.</summary>
public sealed class SaveGroupBotSettings
{
    public async Task<(GroupBotSettings? Settings, FieldErrors Errors)> ExecuteAsync(
        QunyunDb db, Guid groupId, GroupBotSettingsRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return (null, errors);
        }

        errors.AddIf(request.Language is not (null or "" or DefaultTemplates.Chinese or DefaultTemplates.English), "Language", "zh-CN, en or empty.")
            .AddIf(request.WelcomeBatchSeconds is < 0 or > 3600, "WelcomeBatchSeconds", "Between 0 and 3600.")
            .AddIf(request.WelcomeMaxNames is < 1 or > 50, "WelcomeMaxNames", "Between 1 and 50.")
            .AddIf(request.IntroductionWindowHours is < 1 or > 720, "IntroductionWindowHours", "Between 1 and 720.")
            .AddIf(request.IntroductionMinLength is < 1 or > 2000, "IntroductionMinLength", "Between 1 and 2000.")
            .AddIf(request.IntroductionReminderHours is < 1 or > 720, "IntroductionReminderHours", "Between 1 and 720, or empty for no reminder.")
            .AddIf(request.RulesLink is { Length: > 0 } link && !Uri.TryCreate(link, UriKind.Absolute, out _), "RulesLink", "An absolute link (https://…).")
            .AddIf(request.IntroductionFields?.Length > 500, "IntroductionFields", "At most 500 characters.")
            .AddIf(request.WatchWords?.Length > 4000, "WatchWords", "At most 4000 characters.");
        await CheckTemplateAsync(db, errors, "WelcomeTemplateId", request.WelcomeTemplateId, TemplatePurpose.Welcome, cancellationToken);
        await CheckTemplateAsync(db, errors, "PrivateWelcomeTemplateId", request.PrivateWelcomeTemplateId, TemplatePurpose.PrivateWelcome, cancellationToken);
        await CheckTemplateAsync(db, errors, "IntroductionPromptTemplateId", request.IntroductionPromptTemplateId, TemplatePurpose.IntroductionPrompt, cancellationToken);
        await CheckTemplateAsync(db, errors, "IntroductionReminderTemplateId", request.IntroductionReminderTemplateId, TemplatePurpose.IntroductionReminder, cancellationToken);
        if (errors.Any)
        {
            return (null, errors);
        }

        var settings = await db.GroupBotSettings.FindAsync([groupId], cancellationToken) ?? db.GroupBotSettings.Add(GroupBotSettings.For(groupId)).Entity;
        settings.Language = string.IsNullOrEmpty(request.Language) ? null : request.Language;
        settings.Voice = request.Voice ?? settings.Voice;
        settings.RulesLink = Blank(request.RulesLink);
        (settings.WelcomeEnabled, settings.WelcomeTemplateId) = (request.WelcomeEnabled, request.WelcomeTemplateId);
        settings.WelcomeBatchSeconds = request.WelcomeBatchSeconds ?? settings.WelcomeBatchSeconds;
        settings.WelcomeMaxNames = request.WelcomeMaxNames ?? settings.WelcomeMaxNames;
        (settings.PrivateWelcomeEnabled, settings.PrivateWelcomeTemplateId) = (request.PrivateWelcomeEnabled, request.PrivateWelcomeTemplateId);
        (settings.IntroductionEnabled, settings.IntroductionPromptTemplateId) = (request.IntroductionEnabled, request.IntroductionPromptTemplateId);
        settings.IntroductionWindowHours = request.IntroductionWindowHours ?? settings.IntroductionWindowHours;
        settings.IntroductionMinLength = request.IntroductionMinLength ?? settings.IntroductionMinLength;
        settings.IntroductionFields = Blank(request.IntroductionFields);
        settings.IntroductionReminderHours = request.IntroductionReminderHours;
        settings.IntroductionReminderTemplateId = request.IntroductionReminderTemplateId;
        settings.WatchWords = Blank(request.WatchWords);
        await db.SaveChangesAsync(cancellationToken);
        return (settings, errors);
    }

    private static async Task CheckTemplateAsync(
        QunyunDb db, FieldErrors errors, string field, Guid? id, TemplatePurpose purpose, CancellationToken cancellationToken) =>
        errors.AddIf(id is not null && !await db.MessageTemplates.AnyAsync(t => t.Id == id && t.Purpose == purpose, cancellationToken),
            field, $"No {purpose} template with this id.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
