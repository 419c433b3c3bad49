namespace Qunyun.Features.Connectors.WeCom;

/// <summary>WeCom refused a call (its <c>errcode</c> and <c>errmsg</c>), or could not be reached (<see cref="Unreachable"/>).</summary>
public sealed class WeComException(int code, string platformMessage)
    : Exception($"WeCom error {code}: {platformMessage}")
{
    public const int Unreachable = -100;

    /// <summary>Not WeCom's: the process stopped while the work ran.</summary>
    public const int Interrupted = -101;

    /// <summary>Codes the console words itself (resource <c>WeCom.Error.{code}</c>); others show WeCom's own message.</summary>
    private static readonly HashSet<int> Worded = [-1, Unreachable, Interrupted, 40001, 40013, 40014, 40056, 41001, 42001, 45009, 48002, 60011, 60020, 84061, 41063, 40003, 40096];

    public int Code => code;

    public string PlatformMessage => platformMessage;

    /// <summary>The credentials are wrong (secret, corp id) or lack the permission: retrying will not help.</summary>
    public bool CredentialsRefused => code is 40001 or 40013 or 48002 or 60011 or 60020;

    public string ResourceKey => ResourceKeyOf(code);

    public static string ResourceKeyOf(int code) => Worded.Contains(code) ? $"WeCom.Error.{code}" : "WeCom.Error.Other";
}
