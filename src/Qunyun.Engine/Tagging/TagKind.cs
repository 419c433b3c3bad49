namespace Qunyun.Engine.Tagging;

/// <summary>How a member comes to carry a tag: set by hand, held by a rule, or earned by interest (weight decays).</summary>
public enum TagKind
{
    Manual,
    Rule,
    Interest,
}
