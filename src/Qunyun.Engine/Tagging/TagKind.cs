namespace Qunyun.Engine.Tagging;

/// <summary>
/// How a member comes to carry a tag: set by hand, held by a rule, earned by interest (weight decays), or mirrored from
/// a platform's own tags (a WeCom contact's corporate tags).
/// </summary>
public enum TagKind
{
    Manual,
    Rule,
    Interest,
    Platform,
}
