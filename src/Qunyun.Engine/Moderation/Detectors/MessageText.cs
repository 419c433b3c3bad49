namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// One message as the detectors of one evaluation share it: each view (normalised, digits, spam-wave fingerprint) is
/// computed once, and only when a detector that passed its cheap pre-check asks for it.
/// </summary>
internal sealed class MessageText(string original)
{
    private string? _normalized;
    private string? _digits;
    private (ulong Hash, int Length)? _fingerprint;

    public string Original { get; } = original;

    public string Normalized => _normalized ??= DetectorText.Normalize(Original);

    public string Digits => _digits ??= DetectorText.Digits(Original);

    /// <summary>The SimHash of the spam-wave skeleton and the skeleton's length.</summary>
    public (ulong Hash, int Length) Fingerprint => _fingerprint ??= SpamWaveTracker.Fingerprint(Original);
}
