namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>externalcontact/get: a customer's profile (the name the welcome message greets).</summary>
public sealed record ExternalContact(string ExternalUserid, string? Name, int Type = 1)
{
    public sealed record Found : WeComResponse
    {
        public ExternalContact? ExternalContact { get; init; }
    }
}
