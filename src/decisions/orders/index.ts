/** Orders in whole shares from target weights and holdings, with cost estimates, as a table, CSV and JSON (paper only). */
export { orderList, type Order, type OrderCosts, type OrderList, type OrderListOptions } from "./order-list";
export { writeOrders } from "./write-orders";
