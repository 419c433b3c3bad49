using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Connectors.WeCom;

public sealed class WeComOptions
{
    public const string Section = "WeCom";

    /// <summary>WeCom's server API; tests point it at a loopback fake.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com/";

    /// <summary>The first wait after a 45009 (rate limited) answer; it doubles on each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RateLimitWait { get; set; } = TimeSpan.FromSeconds(2);

    [Range(0, 10)]
    public int RateLimitRetries { get; set; } = 3;

    /// <summary>How far a callback's timestamp may be from now; its nonce is remembered twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the worker that moves stored callbacks into the pipeline (off for tests that drain the inbox themselves).</summary>
    public bool RunInboxWorker { get; set; } = true;
}
