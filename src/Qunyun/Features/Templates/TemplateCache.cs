using System.Collections.Concurrent;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Templates;

/// <summary>
/// Compiled templates keyed by their source: parsing happens once per saved version, not per message, and an edited
/// body is simply a new key.
/// </summary>
public sealed class TemplateCache
{
    private readonly ConcurrentDictionary<(TemplatePurpose Purpose, string Source), LiquidTemplate?> _compiled = new();

    /// <summary>The compiled body, or null when it does not compile (the variable catalogue changed since it was saved).</summary>
    public LiquidTemplate? Get(TemplatePurpose purpose, string source) =>
        _compiled.GetOrAdd((purpose, source), key => LiquidTemplate.Compile(key.Source, key.Purpose, out IReadOnlyList<TemplateIssue> _));

    public LiquidTemplate Default(TemplatePurpose purpose, string language) =>
        Get(purpose, DefaultTemplates.Source(purpose, language))
        ?? throw new InvalidOperationException($"The built-in {purpose} template does not compile.");
}
