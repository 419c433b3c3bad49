using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.PaidMemberships;

/// <summary>The workspace's shared secret for signed payment confirmations, encrypted at rest.</summary>
public sealed class PaymentWebhookSecret : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public required string ProtectedSecret { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A signature already received: the same signed request is refused the second time (replay).</summary>
public sealed class PaymentWebhookNonce : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public required string Signature { get; set; }
    public DateTime SeenAt { get; set; }
}

internal sealed class PaymentWebhookSecretConfiguration : IEntityTypeConfiguration<PaymentWebhookSecret>
{
    public void Configure(EntityTypeBuilder<PaymentWebhookSecret> builder)
    {
        builder.ToTable("PaymentWebhookSecrets");
        builder.HasKey(s => s.WorkspaceId);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
    }
}

internal sealed class PaymentWebhookNonceConfiguration : IEntityTypeConfiguration<PaymentWebhookNonce>
{
    public void Configure(EntityTypeBuilder<PaymentWebhookNonce> builder)
    {
        builder.ToTable("PaymentWebhookNonces");
        builder.HasKey(n => new { n.WorkspaceId, n.Signature });
        builder.Property(n => n.Signature).HasMaxLength(80);
        builder.HasIndex(n => new { n.WorkspaceId, n.SeenAt });
    }
}

/// <summary>Creates, reveals and reads the payment webhook's secret (Data Protection keeps it encrypted in the row).</summary>
public sealed class PaymentWebhookSecrets(IDataProtectionProvider provider, TimeProvider clock)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Qunyun.PaidMemberships.WebhookSecret");

    /// <summary>A new random secret replaces the old one (which stops working at once); returned in clear this once.</summary>
    public async Task<string> RotateAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var row = await db.PaymentWebhookSecrets.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new PaymentWebhookSecret { WorkspaceId = db.WorkspaceId, ProtectedSecret = "" };
            db.PaymentWebhookSecrets.Add(row);
        }

        row.ProtectedSecret = _protector.Protect(secret);
        row.CreatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>The secret in clear, or null when the workspace has none (or it can no longer be decrypted).</summary>
    public async Task<string?> ReadAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var row = await db.PaymentWebhookSecrets.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(row.ProtectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static Task<DateTime?> CreatedAtAsync(QunyunDb db, CancellationToken cancellationToken) =>
        db.PaymentWebhookSecrets.AsNoTracking().Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
