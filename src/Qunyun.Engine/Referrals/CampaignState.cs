namespace Qunyun.Engine.Referrals;

/// <summary>A referral campaign's life: drafted, running (links handed out, joins attributed), paused, ended.</summary>
public enum CampaignState
{
    Draft,
    Running,
    Paused,
    Ended,
}

/// <summary>How a prize reaches the member.</summary>
public enum RedemptionKind
{
    /// <summary>A code from the campaign's list, shown to the member in their progress reply.</summary>
    Code,

    /// <summary>The member fills in a form (an address for a parcel); the reply gives the link.</summary>
    Form,

    /// <summary>Staff hand the prize over and mark it done in the console.</summary>
    Staff,

    /// <summary>Points credited to the member's ledger the moment the tier is reached.</summary>
    Points,
}

public static class CampaignStates
{
    /// <summary>draft → running ⇄ paused → ended; running ends too. Nothing leaves ended, nothing goes back to draft.</summary>
    public static bool CanMove(CampaignState from, CampaignState to) => (from, to) switch
    {
        (CampaignState.Draft, CampaignState.Running) => true,
        (CampaignState.Running, CampaignState.Paused) => true,
        (CampaignState.Paused, CampaignState.Running) => true,
        (CampaignState.Running or CampaignState.Paused, CampaignState.Ended) => true,
        _ => false,
    };
}
