using System.Collections.Concurrent;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Templates;

/// <summary>Compiled templates by (template, version, language): parsing happens once per saved version, not per message.</summary>
public sealed class TemplateCache
{
    private readonly ConcurrentDictionary<(Guid Id, int Version, string Language), LiquidTemplate?> _compiled = new();
    private readonly ConcurrentDictionary<(TemplatePurpose Purpose, string Language), LiquidTemplate> _defaults = new();

    /// <summary>The compiled body, or null when the stored body no longer compiles (the variable catalogue changed).</summary>
    public LiquidTemplate? Get(Guid id, int version, string language, TemplatePurpose purpose, string source) =>
        _compiled.GetOrAdd((id, version, language), _ => LiquidTemplate.Compile(source, purpose, out IReadOnlyList<TemplateIssue> _));

    public LiquidTemplate Default(TemplatePurpose purpose, string language) =>
        _defaults.GetOrAdd((purpose, language), key =>
            LiquidTemplate.Compile(DefaultTemplates.Source(key.Purpose, key.Language), key.Purpose, out IReadOnlyList<TemplateIssue> _)
            ?? throw new InvalidOperationException($"The built-in {key.Purpose} template does not compile."));
}
