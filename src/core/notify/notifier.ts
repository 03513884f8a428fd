/** A desktop notification: Electron's `Notification` in the app; the command line has none. */
export interface Notifier {
  notify(message: { title: string; body: string }): void;
}
