// A desktop notification service on the test's own session bus (the
// freedesktop Notifications interface every Linux desktop provides), which
// "clicks" each notification it is shown that offers a default action, as a
// person clicking its body would.
import dbus from 'dbus-next';

const { Interface, ACCESS_READ } = dbus.interface;
void ACCESS_READ;

class Notifications extends Interface {
  constructor() {
    super('org.freedesktop.Notifications');
    this.shown = [];
    this.next = 0;
  }

  GetCapabilities() {
    return ['actions', 'body'];
  }

  Notify(appName, replacesId, icon, summary, body, actions) {
    this.next += 1;
    const id = this.next;
    this.shown.push({ id, appName, summary, body, actions });
    if (actions.includes('default')) {
      setTimeout(() => this.ActionInvoked(id, 'default'), 500);
    }
    return id;
  }

  CloseNotification(id) {
    this.NotificationClosed(id, 3);
  }

  GetServerInformation() {
    return ['jadwal-test', 'jadwal', '1.0', '1.2'];
  }

  NotificationClosed(id, reason) {
    return [id, reason];
  }

  ActionInvoked(id, action) {
    return [id, action];
  }
}

Notifications.configureMembers({
  methods: {
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
  },
  signals: {
    NotificationClosed: { signature: 'uu' },
    ActionInvoked: { signature: 'us' },
  },
});

/** Starts the service; `stop()` takes it off the bus. `shown` lists what it was shown. */
export async function startNotificationService() {
  const bus = dbus.sessionBus();
  const service = new Notifications();
  bus.export('/org/freedesktop/Notifications', service);
  await bus.requestName('org.freedesktop.Notifications', 0);
  return {
    shown: service.shown,
    stop: () => bus.disconnect(),
  };
}
