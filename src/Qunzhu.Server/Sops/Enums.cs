namespace Qunzhu.Server.Sops;

/// Enum names from requests: camelCase or any case, never a number.
public static class Enums
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var t = text?.Trim().Replace("-", "", StringComparison.Ordinal);
        return !string.IsNullOrEmpty(t) && !int.TryParse(t, out _) && Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
