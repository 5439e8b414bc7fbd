namespace Qunzhu.Engine.Accounts;

/// <summary>One setting a platform account of some type takes.</summary>
/// <param name="Name">The key in the API's <c>settings</c> object, e.g. <c>botToken</c>.</param>
/// <param name="Secret">Encrypted at rest; the API only ever says whether it is set.</param>
/// <param name="Required">An account cannot be saved without it.</param>
/// <param name="HelpZh">What to enter and where to find it, in Chinese (the console's default language).</param>
/// <param name="HelpEn">The same in English.</param>
public sealed record AccountSettingField(string Name, bool Secret, bool Required, string HelpZh, string HelpEn);
