namespace Qunyun.Engine.Imports;

/// <summary>What one column of a members file feeds.</summary>
public enum ImportField
{
    Ignore,
    Name,
    Email,
    Phone,
    Note,
    Tags,

    /// <summary>A custom attribute; <see cref="ColumnTarget.Argument"/> is its key.</summary>
    Attribute,

    /// <summary>A platform user id; <see cref="ColumnTarget.Argument"/> names the channel, or null when a <see cref="Channel"/> column does.</summary>
    Identity,

    /// <summary>The channel (name or id) of the row's <see cref="Identity"/> column.</summary>
    Channel,
}

/// <summary>
/// A column's target as written in a mapping: <c>name</c>, <c>email</c>, <c>phone</c>, <c>note</c>, <c>tags</c>,
/// <c>channel</c>, <c>identity</c>, <c>identity:&lt;channel&gt;</c>, <c>attribute:&lt;key&gt;</c> or <c>ignore</c>.
/// </summary>
public sealed record ColumnTarget(ImportField Field, string? Argument = null)
{
    public static readonly ColumnTarget Ignore = new(ImportField.Ignore);

    public const string Syntax = "name, email, phone, note, tags, channel, identity, identity:<channel>, attribute:<key> or ignore";

    public static ColumnTarget? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var colon = trimmed.IndexOf(':');
        var word = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        var argument = colon < 0 ? null : trimmed[(colon + 1)..].Trim();
        return (word, argument) switch
        {
            ("name" or "displayname", null) => new(ImportField.Name),
            ("email", null) => new(ImportField.Email),
            ("phone", null) => new(ImportField.Phone),
            ("note", null) => new(ImportField.Note),
            ("tags" or "tag", null) => new(ImportField.Tags),
            ("channel", null) => new(ImportField.Channel),
            ("ignore" or "", null) => Ignore,
            ("identity", null) => new(ImportField.Identity),
            ("identity", { Length: > 0 }) => new(ImportField.Identity, argument),
            ("attribute", { Length: > 0 }) => new(ImportField.Attribute, argument),
            _ => null,
        };
    }

    public override string ToString() => Argument is null ? Field.ToString().ToLowerInvariant() : $"{Field.ToString().ToLowerInvariant()}:{Argument}";
}
