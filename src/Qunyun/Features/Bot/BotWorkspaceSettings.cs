using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Bot;

namespace Qunyun.Features.Bot;

/// <summary>The words members type for bot commands, comma-separated, Chinese and English; a workspace without a row uses the defaults.</summary>
public sealed class BotWorkspaceSettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public string CheckInWords { get; set; } = BotCommandWords.DefaultCheckIn;
    public string RulesWords { get; set; } = BotCommandWords.DefaultRules;
    public string HelpWords { get; set; } = BotCommandWords.DefaultHelp;
    public string MyPointsWords { get; set; } = BotCommandWords.DefaultMyPoints;

    public BotCommandWords Words() => new(CheckInWords, RulesWords, HelpWords, MyPointsWords);
}

internal sealed class BotWorkspaceSettingsConfiguration : IEntityTypeConfiguration<BotWorkspaceSettings>
{
    public void Configure(EntityTypeBuilder<BotWorkspaceSettings> builder)
    {
        builder.HasKey(s => s.WorkspaceId);
        builder.Property(s => s.CheckInWords).HasMaxLength(200);
        builder.Property(s => s.RulesWords).HasMaxLength(200);
        builder.Property(s => s.HelpWords).HasMaxLength(200);
        builder.Property(s => s.MyPointsWords).HasMaxLength(200).HasDefaultValue(BotCommandWords.DefaultMyPoints);
    }
}
