namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>Every WeCom answer carries errcode / errmsg (HTTP 200 even for errors).</summary>
public record WeComResponse
{
    public int Errcode { get; init; }
    public string? Errmsg { get; init; }
}
