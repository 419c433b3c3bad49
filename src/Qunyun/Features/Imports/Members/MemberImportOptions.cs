namespace Qunyun.Features.Imports.Members;

/// <summary>What the user asked for: column → target (null: the suggested mapping) and how to treat problems.</summary>
public sealed record MemberImportOptions
{
    /// <summary>Header → target (<see cref="Engine.Imports.ColumnTarget.Syntax"/>); columns not named are ignored.</summary>
    public Dictionary<string, string>? Columns { get; init; }

    /// <summary>Create tags named in the file that do not exist yet; otherwise such a row is an error.</summary>
    public bool CreateMissingTags { get; init; }

    /// <summary>Write nothing unless every row is valid.</summary>
    public bool AllOrNothing { get; init; }

    /// <summary>auto (default), utf-8 or gb18030.</summary>
    public string? Encoding { get; init; }
}
