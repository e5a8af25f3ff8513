package app.herald.ui.history;

import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Deliveries;
import app.herald.settings.ChannelKind;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * How a broadcast's accepted messages fared, as Twilio's log told: accepted → sent → delivered,
 * beside those undelivered, failed and with no answer yet, each a count and a share of one bar.
 */
final class DeliveryFunnel extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final ResourceBundle bundle;
    private final Label accepted = step("funnelAccepted");
    private final Label sent = step("funnelSent");
    private final Label delivered = step("funnelDelivered");
    private final Label undelivered = step("funnelUndelivered");
    private final Label failed = step("funnelFailed");
    private final Label waiting = step("funnelWaiting");
    private final Label checked = new Label();
    private final HBox bar = new HBox();
    private final Region deliveredShare = share("funnel-delivered");
    private final Region sentShare = share("funnel-sent");
    private final Region waitingShare = share("funnel-waiting");
    private final Region undeliveredShare = share("funnel-undelivered");
    private final Region failedShare = share("funnel-failed");

    DeliveryFunnel(ResourceBundle bundle) {
        this.bundle = bundle;
        getStyleClass().add("delivery-funnel");
        setSpacing(4);
        checked.setId("funnelChecked");
        checked.getStyleClass().add("muted");
        HBox steps = new HBox(10, accepted, arrow(), sent, arrow(), delivered, gap(), undelivered, failed, waiting);
        steps.setAlignment(Pos.BASELINE_LEFT);
        bar.getStyleClass().add("funnel-bar");
        bar.getChildren().addAll(deliveredShare, sentShare, waitingShare, undeliveredShare, failedShare);
        getChildren().addAll(steps, bar, checked);
    }

    /** Shows this broadcast's counts; nothing when none of its messages was accepted. */
    void show(BroadcastSummary broadcast) {
        boolean any = broadcast != null && broadcast.accepted() > 0;
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        Deliveries deliveries = broadcast.deliveries();
        int all = broadcast.accepted();
        int noAnswer = deliveries.waiting(all);
        accepted.setText(count("history.funnel.accepted", all));
        sent.setText(count("history.funnel.sent", deliveries.reachedCarrier()));
        delivered.setText(count("history.funnel.delivered", deliveries.delivered()));
        undelivered.setText(count("history.funnel.undelivered", deliveries.undelivered()));
        failed.setText(count("history.funnel.failed", deliveries.failed()));
        waiting.setText(count("history.funnel.waiting", noAnswer));
        for (Region share : List.of(deliveredShare, sentShare, waitingShare, undeliveredShare, failedShare)) {
            share.prefWidthProperty().unbind();
        }
        width(deliveredShare, deliveries.delivered(), all);
        width(sentShare, deliveries.sent(), all);
        width(waitingShare, noAnswer, all);
        width(undeliveredShare, deliveries.undelivered(), all);
        width(failedShare, deliveries.failed(), all);
        checked.setText(checkedText(broadcast));
    }

    private String checkedText(BroadcastSummary broadcast) {
        Deliveries deliveries = broadcast.deliveries();
        if (deliveries.checkedAt() == null) {
            return bundle.getString(deliveries.settled() ? "history.funnel.notFollowed" : "history.funnel.notChecked");
        }
        String key = deliveries.settled() ? "history.funnel.complete" : "history.funnel.following";
        String text = MessageFormat.format(bundle.getString(key), WHEN.format(deliveries.checkedAt()));
        return broadcast.channel() == ChannelKind.NOTIFY ? text + " " + bundle.getString("history.funnel.matched") : text;
    }

    private void width(Region share, int part, int all) {
        share.prefWidthProperty().bind(bar.widthProperty().multiply(all == 0 ? 0 : (double) part / all));
        Tooltip.install(share, new Tooltip(MessageFormat.format("{0,number,integer}", part)));
    }

    private String count(String key, int n) {
        return MessageFormat.format(bundle.getString(key), n);
    }

    private static Label step(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("funnel-step");
        return label;
    }

    private static Label arrow() {
        Label arrow = new Label("\u2192");
        arrow.getStyleClass().add("muted");
        return arrow;
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(16);
        HBox.setHgrow(gap, Priority.NEVER);
        return gap;
    }

    private static Region share(String styleClass) {
        Region share = new Region();
        share.getStyleClass().addAll("funnel-share", styleClass);
        share.setMinWidth(0);
        return share;
    }
}
