// Endpoint events across instances: with REDIS_URL, a webhook received by one instance reaches
// the dashboards subscribed on every instance (Redis pub/sub, one channel per installation).
// Each instance keeps its own listeners in process; Redis only carries the events between them.
// If Redis does not answer, the event still reaches this instance's dashboards (logged once);
// the others catch up at their next poll.
import type { Logger } from '../../lib/logger.ts';
import type { Redis } from '../../lib/redis.ts';
import {
  InProcessEndpointEventBus,
  type EndpointEvent,
  type EndpointEventBus,
  type EndpointEventListener,
} from './inbound-webhook.events.ts';

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200;

/** An event from the channel, or null for anything else (the channel is not trusted to be tidy). */
export function parseEndpointEvent(message: string): EndpointEvent | null {
  try {
    const raw = JSON.parse(message) as Record<string, unknown>;
    const receivedAt = new Date(String(raw.receivedAt));
    if (
      ![raw.companyId, raw.endpointId, raw.endpointSlug, raw.eventType].every(isText) ||
      Number.isNaN(receivedAt.getTime())
    )
      return null;
    return {
      companyId: raw.companyId as string,
      endpointId: raw.endpointId as string,
      endpointSlug: raw.endpointSlug as string,
      eventType: raw.eventType as string,
      receivedAt,
    };
  } catch {
    return null;
  }
}

export class RedisEndpointEventBus implements EndpointEventBus {
  private readonly local = new InProcessEndpointEventBus();
  private publishFailing = false;

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {}

  /** Opens the subscriber connection (a connection in subscribe mode can do nothing else). */
  static async connect(
    redis: Redis,
    channel: string,
    logger: Pick<Logger, 'warn' | 'info'>,
  ): Promise<RedisEndpointEventBus> {
    const subscriber = redis.duplicate();
    await subscriber.connect();
    const bus = new RedisEndpointEventBus(redis, subscriber, channel, logger);
    subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      const event = parseEndpointEvent(message);
      if (event) void bus.local.publish(event);
    });
    // ioredis subscribes again by itself after a reconnect.
    await subscriber.subscribe(channel);
    return bus;
  }

  async publish(event: EndpointEvent): Promise<void> {
    try {
      await this.redis.publish(this.channel, JSON.stringify(event));
      if (this.publishFailing) {
        this.publishFailing = false;
        this.logger.info('Redis answers again; endpoint events reach every instance again');
      }
    } catch (error) {
      if (!this.publishFailing) {
        this.publishFailing = true;
        this.logger.warn(
          { err: error },
          'Redis unavailable; endpoint events reach only this instance until it is back',
        );
      }
      await this.local.publish(event);
    }
  }

  subscribe(companyId: string, listener: EndpointEventListener): () => void {
    return this.local.subscribe(companyId, listener);
  }

  listenerCount(): number {
    return this.local.listenerCount();
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
