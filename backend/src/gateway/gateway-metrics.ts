// The device gateway's own metrics, on the node's registry: how many sockets are connected, and
// how often sessions are pumped (read for work), the cost a connection or disconnection wave puts
// on a node.
import { Counter, Gauge, type Registry } from 'prom-client';

export interface GatewayMetrics {
  pumps: Counter;
  connected: Gauge;
}

export function gatewayMetrics(registry: Registry): GatewayMetrics {
  return {
    pumps: new Counter({
      name: 'jobswipe_device_pumps_total',
      help: 'Times a device session was read for work to offer',
      registers: [registry],
    }),
    connected: new Gauge({
      name: 'jobswipe_devices_connected',
      help: 'Device sockets that said hello on this node',
      registers: [registry],
    }),
  };
}
