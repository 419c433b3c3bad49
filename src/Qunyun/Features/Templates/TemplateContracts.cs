using System.ComponentModel.DataAnnotations;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Templates;

public sealed record TemplateRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string? Key { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required]
    public TemplatePurpose? Purpose { get; init; }

    [StringLength(4000)]
    public string? BodyZh { get; init; }

    [StringLength(4000)]
    public string? BodyEn { get; init; }
}

public sealed record TemplateResponse(
    Guid Id, string Key, string Name, TemplatePurpose Purpose, string? BodyZh, string? BodyEn, int Version, DateTime UpdatedAt);

/// <summary>Renders <see cref="Body"/> with the purpose's sample data in <see cref="Language"/> (zh-CN or en).</summary>
public sealed record PreviewRequest
{
    [Required]
    public TemplatePurpose? Purpose { get; init; }

    [Required, StringLength(4000)]
    public string? Body { get; init; }

    public string? Language { get; init; }
}

public sealed record PreviewResponse(string Language, string Text);

public sealed record TemplateVariableResponse(string Path, string Sample, bool IsList);

public sealed record BotAlertResponse(Guid Id, BotAlertKind Kind, Guid? GroupId, Guid? MemberId, Guid? TemplateId, string Message, DateTime At, DateTime? AcknowledgedAt);
