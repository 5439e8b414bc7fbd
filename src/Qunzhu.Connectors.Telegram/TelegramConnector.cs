using System.Globalization;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Qunzhu.Connectors.Telegram;

/// <summary>Performs outbox actions with the real Telegram.Bot client against the account's apiBaseUrl.
/// Telegram has no idempotency key: a crash between a send and the outbox commit can repeat that one message.</summary>
public sealed class TelegramConnector(IAccountSettingsProvider accounts, TelegramClients clients, TelegramPhotos photos, TimeProvider time) : IPlatformConnector
{
    public PlatformKind Platform => PlatformKind.Telegram;

    /// <summary>With the bot an administrator of the group: everything. (Without admin rights deletes,
    /// mutes and removals fail with 400/403 and are dead-lettered with Telegram's description.) Telegram's
    /// limits: 4096 characters, no private message before the member writes first. Of the content kinds this
    /// connector sends text, links and images (sendPhoto with the text as caption); voice, video and files are
    /// not built yet, so a broadcast preview flags them instead of pretending.</summary>
    public PlatformCapabilities Capabilities { get; } = PlatformCapabilities.DefaultsFor(PlatformKind.Telegram) with
    {
        ContentKinds = [Core.Content.ContentKind.Text, Core.Content.ContentKind.Link, Core.Content.ContentKind.Image],
    };

    public async Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var bot = clients.For(await accounts.GetAsync(action.AccountId, ct));
        if (!long.TryParse(action.ChatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chat))
            return DeliveryResult.Permanent($"'{action.ChatId}' is not a Telegram chat id.");
        var chatId = new ChatId(chat);
        try
        {
            switch (action.Kind)
            {
                case BotActionKind.SendMessage when TelegramPhotos.IsPhoto(action):
                    var (photo, problem) = await photos.OpenAsync(action, action.Attachment!, ct);
                    if (photo is null) return DeliveryResult.Permanent(problem!);
                    await using ((photo as InputFileStream)?.Content)
                    {
                        await bot.SendPhoto(chatId, photo, caption: string.IsNullOrEmpty(action.Text) ? null : action.Text, cancellationToken: ct);
                    }
                    break;
                case BotActionKind.SendMessage:
                    await bot.SendMessage(chatId, action.Text ?? "", cancellationToken: ct);
                    break;
                case BotActionKind.DeleteMessage:
                    await bot.DeleteMessage(chatId, int.Parse(action.TargetMessageId ?? "", CultureInfo.InvariantCulture), ct);
                    break;
                case BotActionKind.MuteMember:
                    var until = time.GetUtcNow().UtcDateTime.AddSeconds(action.DurationSeconds ?? 3600);
                    await bot.RestrictChatMember(chatId, UserOf(action), new ChatPermissions(false), untilDate: until, cancellationToken: ct);
                    break;
                case BotActionKind.RemoveMember:
                    await bot.BanChatMember(chatId, UserOf(action), cancellationToken: ct);
                    break;
                case BotActionKind.ApproveJoinRequest:
                    await bot.ApproveChatJoinRequest(chatId, UserOf(action), ct);
                    break;
                case BotActionKind.DeclineJoinRequest:
                    await bot.DeclineChatJoinRequest(chatId, UserOf(action), ct);
                    break;
                default:
                    return DeliveryResult.Permanent($"Telegram cannot perform {action.Kind}.");
            }
            return DeliveryResult.Delivered;
        }
        catch (ApiRequestException e)
        {
            return TelegramErrors.Map(e);
        }
        catch (RequestException e)
        {
            return DeliveryResult.Transient($"Telegram could not be reached: {e.Message}");
        }
        catch (FormatException)
        {
            return DeliveryResult.Permanent($"The action's target is not a Telegram id (message '{action.TargetMessageId}', user '{action.TargetUserId}').");
        }
    }

    private static long UserOf(OutboundAction action) => long.Parse(action.TargetUserId ?? "", CultureInfo.InvariantCulture);
}
