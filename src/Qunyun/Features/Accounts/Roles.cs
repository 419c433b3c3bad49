namespace Qunyun.Features.Accounts;

/// <summary>Console and API roles. Analyst reads everything and changes nothing.</summary>
public static class Roles
{
    public const string Owner = nameof(Owner);
    public const string Operator = nameof(Operator);
    public const string Moderator = nameof(Moderator);
    public const string Analyst = nameof(Analyst);

    public static readonly IReadOnlyList<string> All = [Owner, Operator, Moderator, Analyst];

    /// <summary>Roles allowed to change data.</summary>
    public static readonly IReadOnlyList<string> Writers = [Owner, Operator, Moderator];

    /// <summary>Roles that run the workspace's operations (rechecks, imports), not only its moderation.</summary>
    public static readonly IReadOnlyList<string> Operators = [Owner, Operator];

    public static string? Parse(string? value) =>
        All.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase));
}

public static class Policies
{
    /// <summary>Any signed-in user or API key of a workspace.</summary>
    public const string Read = "qunyun.read";

    /// <summary>Owner, Operator or Moderator.</summary>
    public const string Write = "qunyun.write";

    /// <summary>Owner or Operator.</summary>
    public const string Operate = "qunyun.operate";

    /// <summary>Owner only: people, keys and workspace settings.</summary>
    public const string Admin = "qunyun.admin";
}

public static class QunyunClaims
{
    public const string WorkspaceId = "qunyun:workspace";
}
