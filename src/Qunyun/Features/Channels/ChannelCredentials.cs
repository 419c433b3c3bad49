using Microsoft.AspNetCore.DataProtection;

namespace Qunyun.Features.Channels;

/// <summary>Encrypts channel secrets at rest with ASP.NET Core Data Protection.</summary>
public sealed class ChannelCredentials(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Qunyun.Channels.Credentials.v1");

    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : _protector.Protect(secret);

    public string? Unprotect(string? protectedSecret) => protectedSecret is null ? null : _protector.Unprotect(protectedSecret);
}
