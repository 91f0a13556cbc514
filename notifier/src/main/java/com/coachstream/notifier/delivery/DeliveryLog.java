package com.coachstream.notifier.delivery;

import com.coachstream.avro.NotificationDelivery;
import java.util.concurrent.CompletableFuture;

/** The durable side effects of delivering: the audit log and the dead letters. Futures complete when stored. */
public interface DeliveryLog {

  CompletableFuture<Void> record(NotificationDelivery delivery, AlertSource source);

  CompletableFuture<Void> deadLetter(AlertSource source, String message);
}
