import rule from '../../rules/facility-layout';
import type { Facility, ImageFacts } from '../../rules/engine/types';
import { RuleTester } from '../support/rule-tester';

const harwell: Facility = { name: 'Harwell Hill Correctional Institution', aliases: ['Harwell Hill'], lat: 41.8127, lon: -72.6392, radiusM: 450 };
const annex: Facility = { name: 'HPD Evidence Annex', lat: 46.6078, lon: -112.0019, radiusM: 60 };
// Metres → degrees of latitude.
const north = (metres: number) => metres / 111_195;
const photo = (gps: ImageFacts['gps'], extra: ImageFacts = {}): ImageFacts => ({ filename: 'IMG_0001.JPG', gps, ...extra });
const yard: Facility = {
  name: 'North Quarry Correctional Institution',
  polygon: {
    type: 'Polygon',
    coordinates: [
      [[-73.226, 41.922], [-73.221, 41.922], [-73.221, 41.927], [-73.226, 41.927], [-73.226, 41.922]],
      [[-73.2245, 41.9235], [-73.2225, 41.9235], [-73.2225, 41.9255], [-73.2245, 41.9255], [-73.2245, 41.9235]],
    ],
  },
};

new RuleTester().run(rule, {
  valid: [
    { text: 'Lake day!', images: [photo({ lat: harwell.lat! + north(3000), lon: harwell.lon! })], facilities: [harwell], name: 'a lake photo 3 km away' },
    { text: 'Sunrise from the commuter lot', images: [photo({ lat: harwell.lat! + north(900), lon: harwell.lon! })], facilities: [harwell], name: 'GPS 900 m out, outside a 450 m geofence' },
    { text: 'Close call', images: [photo({ lat: harwell.lat! + north(470), lon: harwell.lon! })], facilities: [harwell], name: '20 m outside the radius and no accuracy given' },
    { text: 'Close call', images: [photo({ lat: harwell.lat! + north(470), lon: harwell.lon! }, {})], facilities: [harwell], options: { useGps: false }, name: 'GPS check switched off' },
    { text: 'Visitors parked here', images: [photo({ lat: 41.9245, lon: -73.2235 })], facilities: [yard], name: 'inside the hole of a polygon (a parcel that is not the facility)' },
    { text: 'A photo with no location', images: [{ filename: 'IMG_2.JPG', description: 'A cup of coffee' }], facilities: [harwell] },
    'Note to self: the back lot gate code at the station is now 4471# and the sally port door is still broken.',
    'Pray for the kid on suicide watch in H unit.',
    'The food service contractor and the kitchen supervisor were at it again, whole tier heard it.',
    'Here is the floor plan of our new house, the kitchen opens onto the deck!',
    'Turkey Trot route is set! 5k through downtown, starts at the fairgrounds gate.',
    'Our yard finally has a fence between us and the neighbours.',
    'Escape room champions, out with 2:14 left on the clock.',
    { text: 'If the control room were next to the gym, would that be better?', name: 'a hypothetical question about layout' },
    { text: 'Great view', images: [{ filename: 'IMG_3.JPG', description: 'Pink sunrise over a row of parked cars and bare trees' }], name: 'caption with nothing of a facility' },
    { text: 'Family day', images: [{ filename: 'IMG_4.JPG', description: 'Two children by a front door', keywords: ['children', 'door'] }] },
  ],
  invalid: [
    {
      text: 'Thanksgiving plate',
      images: [photo({ lat: harwell.lat! + north(100), lon: harwell.lon!, accuracyM: 12 })],
      facilities: [harwell],
      errors: [{ messageId: 'insideFacility', image: 0 }],
      name: 'GPS inside the circle geofence, whatever the photo shows',
    },
    {
      text: 'Two photos',
      images: [{ filename: 'cat.jpg' }, photo({ lat: annex.lat! + north(75), lon: annex.lon!, accuracyM: 30 })],
      facilities: [annex],
      errors: [{ messageId: 'nearFacility', image: 1 }],
      name: '15 m outside the radius, within the ±30 m accuracy: photo 2',
    },
    {
      text: 'Yard time',
      images: [photo({ lat: 41.9225, lon: -73.2235 })],
      facilities: [yard],
      errors: [{ messageId: 'insideFacility', image: 0 }],
      name: 'inside a GeoJSON polygon, outside its hole',
    },
    {
      text: 'Close call',
      images: [photo({ lat: harwell.lat! + north(470), lon: harwell.lon! })],
      facilities: [harwell],
      options: { defaultAccuracyM: 30 },
      errors: [{ messageId: 'nearFacility' }],
      name: 'a profile that assumes ±30 m when the photo gives no accuracy',
    },
    {
      text: 'New guys: visiting connects to medical through the door behind the vending machines.',
      errors: [{ messageId: 'route', excerpt: 'New guys: visiting connects to medical through the door behind the vending machines.' }],
    },
    {
      text: 'For the new guys: the blind spot on the Harwell Hill east yard is between the gym and the fence by the old handball court. Cameras don’t reach it.',
      errors: [{ messageId: 'route' }],
    },
    {
      text: 'For anyone doing a ride-along: park in the south lot, the side door by the dumpsters is the one that doesn’t latch right, and the interview rooms are the two doors past the vending machines.',
      errors: [{ messageId: 'route' }],
    },
    {
      text: 'Night shift views 🌙',
      images: [{ filename: 'IMG_1120.JPG', description: 'Empty hallway lined with holding cell doors leading to a booking counter', keywords: ['hallway', 'doors', 'counter'] }],
      errors: [{ messageId: 'route', image: 0 }],
    },
    {
      text: 'They finally updated the evacuation map on our unit. Only took six years 🙄',
      images: [{ filename: 'PXL_20260109_153044871.jpg', description: 'Photo of a posted fire evacuation floor plan showing cell blocks, stairwells, exits, the control room and the sally port', keywords: ['sign', 'map', 'floor plan'] }],
      errors: [{ messageId: 'layoutDocument' }, { messageId: 'layoutDocument', image: 0 }],
      name: 'the text names an evacuation map of the unit; the photo shows the floor plan',
    },
    {
      text: 'First day back from leave and they gave me the best view on the compound 🌅',
      images: [{ filename: 'IMG_4471.HEIC', description: 'Sunrise over a fenced yard with coiled razor wire and a guard tower', keywords: ['sunrise', 'fence', 'razor wire', 'tower'] }],
      errors: [{ messageId: 'grounds' }, { messageId: 'grounds', image: 0 }],
    },
    {
      text: 'Quiet one',
      images: [{ filename: 'IMG_9.JPG', description: 'Row of steel doors along the tier inside the cell block, control room window at the end' }],
      errors: [{ messageId: 'interior', image: 0 }],
    },
    {
      text: 'Blueprints of the jail annex came in today, the new intake wing is huge.',
      errors: [{ messageId: 'layoutDocument', excerpt: 'Blueprints' }],
    },
    {
      text: 'Heads up: the Harwell Hill kitchen door opens onto the loading lot, right next to the laundry.',
      facilities: [harwell],
      errors: [{ messageId: 'route' }],
      name: 'a profile facility name anchors ordinary places',
    },
    {
      text: 'The new range shed sits behind the armory.',
      profile: { terms: { 'facility-layout': ['range shed'] } },
      errors: [{ messageId: 'route' }],
      name: 'profile terms add facility places',
    },
    {
      text: 'Check out this pic',
      images: [{ filename: 'IMG_77.JPG', description: 'Inside the sally port area with the inner gate open' }],
      errors: [{ messageId: 'interior', image: 0 }],
    },
  ],
});
